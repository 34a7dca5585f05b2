// Taro's component types leave out the ARIA and keyboard props that the H5 build needs to pass axe
// and to be reachable by keyboard. On H5 they reach the DOM; on weapp unknown props are ignored.
// (A module augmentation has to live in a module file, so it cannot share types/global.d.ts.)
export {}

declare module '@tarojs/components/types/common' {
  interface StandardProps {
    role?: string
    tabIndex?: number
    'aria-label'?: string
    'aria-level'?: number
    'aria-live'?: 'polite' | 'assertive' | 'off'
    'aria-disabled'?: boolean
    'aria-busy'?: boolean
    'aria-describedby'?: string
    'aria-labelledby'?: string
    'aria-hidden'?: boolean
    'aria-current'?: string
    // stateful widgets (checkbox, switch, radio, progressbar): pass 'true'/'false' strings so the
    // attribute is written the same way on Taro's custom elements as on plain DOM
    'aria-checked'?: 'true' | 'false'
    'aria-invalid'?: 'true' | 'false'
    'aria-required'?: 'true' | 'false'
    'aria-expanded'?: 'true' | 'false'
    'aria-controls'?: string
    'aria-valuenow'?: number
    'aria-valuemin'?: number
    'aria-valuemax'?: number
    'aria-valuetext'?: string
    /** H5 only: WeChat has no keyboard events, so callers guard it with process.env.TARO_ENV */
    onKeyDown?: (event: KeyboardLikeEvent) => void
  }
  interface KeyboardLikeEvent {
    key: string
    preventDefault: () => void
  }
}
