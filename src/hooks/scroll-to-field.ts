import Taro from '@tarojs/taro'

// After a refused submission the first field with an error is brought into view: on a long form
// on a phone the person would otherwise see nothing happen. Every field wrapper carries the id
// `field-<name>` (see FormField).
export const fieldDomId = (name: string) => `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`

export function scrollToField(
  name: string,
  { block = 'center', focus = true }: { block?: 'center' | 'start'; focus?: boolean } = {},
): void {
  const id = fieldDomId(name)
  // wait one frame: the error text that was just set must be rendered before measuring
  setTimeout(() => {
    if (process.env.TARO_ENV === 'h5') {
      const el = document.getElementById(id)
      if (!el) return
      el.scrollIntoView({ block, behavior: 'auto' })
      // move keyboard / screen-reader focus there too, without scrolling again
      if (!focus) return
      const focusable = el.querySelector<HTMLElement>('input, textarea, select, [tabindex="0"]')
      focusable?.focus({ preventScroll: true })
      return
    }
    // an old base library (or a test double) may lack pageScrollTo: the errors still show, unscrolled
    if (typeof Taro.pageScrollTo !== 'function') return
    try {
      Promise.resolve(Taro.pageScrollTo({ selector: `#${id}`, duration: 200, offsetTop: -80 })).catch(() => undefined)
    } catch {
      // nothing to do
    }
  }, 50)
}
