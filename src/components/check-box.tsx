import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { activateProps } from '../hooks/use-activate'
import './check-box.scss'

// A tickable box with its words beside it (我已阅读并同意…, a demand). role=checkbox and aria-checked
// because Taro's <Checkbox> is not exposed on H5; the whole row is the tap target. A ✓ inside the
// box shows the state without relying on colour.
interface Props {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
  /** the visible text; defaults to the label */
  children?: ReactNode
  invalid?: boolean
  describedBy?: string
  variant?: 'row' | 'chip'
  className?: string
}

export function CheckBox({ label, checked, onChange, children, invalid, describedBy, variant = 'row', className }: Props) {
  return (
    <View
      className={`check-box check-box--${variant} ${checked ? 'check-box--checked' : ''} ${invalid ? 'check-box--invalid' : ''} ${className ?? ''}`}
      role="checkbox"
      tabIndex={0}
      aria-checked={checked ? 'true' : 'false'}
      aria-label={label}
      aria-invalid={invalid ? 'true' : 'false'}
      aria-describedby={describedBy}
      {...activateProps(() => onChange(!checked), 'button')}
    >
      <View className="check-box__box" aria-hidden>
        {checked ? '✓' : ''}
      </View>
      <View className="check-box__text">{children ?? label}</View>
    </View>
  )
}
