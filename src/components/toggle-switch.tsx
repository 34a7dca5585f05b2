import { View } from '@tarojs/components'
import { activateProps } from '../hooks/use-activate'
import './toggle-switch.scss'

// An on/off setting (匿名举报, 大字模式, 允许商家看到完整手机号). Built from a View because Taro's
// <Switch> on H5 is not exposed as a switch; this one has role=switch, aria-checked, a name, a
// 50-CSS-px row to tap, and Space/Enter on H5. The words 开/关 show the state without colour.
interface Props {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
  /** a line under the label explaining what switching does */
  description?: string
  id?: string
  compact?: boolean
  className?: string
}

export function ToggleSwitch({ label, checked, onChange, description, id, compact, className }: Props) {
  const descriptionId = id ? `${id}-desc` : undefined
  return (
    <View
      id={id}
      className={`toggle-switch ${checked ? 'toggle-switch--on' : ''} ${compact ? 'toggle-switch--compact' : ''} ${className ?? ''}`}
      role="switch"
      tabIndex={0}
      aria-checked={checked ? 'true' : 'false'}
      aria-label={label}
      aria-describedby={description ? descriptionId : undefined}
      {...activateProps(() => onChange(!checked), 'button')}
    >
      <View className="toggle-switch__text">
        <View className="toggle-switch__label">{label}</View>
        {description ? (
          <View className="toggle-switch__description" id={descriptionId}>
            {description}
          </View>
        ) : null}
      </View>
      <View className="toggle-switch__track" aria-hidden>
        <View className="toggle-switch__state">{checked ? '开' : '关'}</View>
        <View className="toggle-switch__thumb" />
      </View>
    </View>
  )
}
