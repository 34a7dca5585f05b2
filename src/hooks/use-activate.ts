import type { ITouchEvent } from '@tarojs/components'

// Props that make a View act like a button or link for every input: tap/click everywhere, and
// Enter (links) or Enter/Space (buttons) on H5, where keyboards exist. WeChat has no key events,
// so the handler is only attached in the H5 build (the check is a build-time constant).
interface KeyLike {
  key: string
  preventDefault: () => void
}

export function activateProps(onActivate: () => void, role: 'button' | 'link' = 'button') {
  const onClick = (_event: ITouchEvent) => onActivate()
  if (process.env.TARO_ENV !== 'h5') return { onClick }
  const onKeyDown = (event: KeyLike) => {
    if (event.key === 'Enter' || (role === 'button' && event.key === ' ')) {
      event.preventDefault() // Space would otherwise scroll the page
      onActivate()
    }
  }
  return { onClick, onKeyDown }
}
