import type { ITouchEvent } from '@tarojs/components'

// H5: a radio group as keyboards expect it (WAI-ARIA radio group): Tab enters the group at the
// chosen option, the arrow keys (and Home / End) move AND choose, Space or Enter chooses the one
// with focus. Focus follows the choice, so the group stays one stop in the Tab order.
interface KeyEventLike {
  key: string
  preventDefault: () => void
  currentTarget: unknown
}

const NEXT: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }

export function radioProps(index: number, count: number, select: (index: number) => void) {
  const onClick = (_event: ITouchEvent) => select(index)
  const onKeyDown = (event: KeyEventLike) => {
    let target: number | null = null
    if (event.key in NEXT) target = (index + NEXT[event.key] + count) % count
    else if (event.key === 'Home') target = 0
    else if (event.key === 'End') target = count - 1
    else if (event.key === ' ' || event.key === 'Enter') target = index
    if (target === null) return
    event.preventDefault() // arrows and Space would otherwise scroll the page
    select(target)
    const group = (event.currentTarget as HTMLElement | null)?.closest('[role="radiogroup"]')
    group?.querySelectorAll<HTMLElement>('[role="radio"]')[target]?.focus()
  }
  return { onClick, onKeyDown }
}
