import { View } from '@tarojs/components'
import { activateProps } from '../hooks/use-activate'
import './action-button.scss'

// A button built from a View: Taro's H5 <Button> renders a custom element with no role and
// tabIndex -1, which keyboards and screen readers cannot use. This one has a role, a name,
// keyboard activation (H5) and a 50-CSS-px tap target. While `busy` it ignores presses and
// shows `busyText`, but keeps its accessible name so tests and screen readers still find it.
interface Props {
  label: string
  /** visible words when they are shorter than the accessible name (重试 vs 重试 photo.jpg); the
   * name must start with them so voice control still finds the button */
  text?: string
  onPress: () => void
  variant?: 'primary' | 'secondary' | 'quiet'
  disabled?: boolean
  busy?: boolean
  busyText?: string
  className?: string
}

export function ActionButton({ label, text, onPress, variant = 'primary', disabled, busy, busyText, className }: Props) {
  const inactive = !!disabled || !!busy
  const press = () => {
    if (!inactive) onPress()
  }
  return (
    <View
      className={`action-button action-button--${variant} ${inactive ? 'action-button--inactive' : ''} ${className ?? ''}`}
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-disabled={inactive}
      aria-busy={!!busy}
      hoverClass="action-button--pressed"
      {...activateProps(press, 'button')}
    >
      {busy && busyText ? busyText : (text ?? label)}
    </View>
  )
}
