import { View } from '@tarojs/components'
import { activateProps } from '../hooks/use-activate'
import './choice-group.scss'

// One choice among a few, all visible at once (投诉 / 举报): a radiogroup of large segments, each
// with its own line of explanation. Built from Views for the same reason as ToggleSwitch.
export interface Choice<T extends string> {
  value: T
  label: string
  description?: string
}

interface Props<T extends string> {
  label: string
  labelledBy?: string
  value: T
  options: readonly Choice<T>[]
  onChange: (value: T) => void
}

export function ChoiceGroup<T extends string>({ label, labelledBy, value, options, onChange }: Props<T>) {
  return (
    <View className="choice-group" role="radiogroup" aria-label={labelledBy ? undefined : label} aria-labelledby={labelledBy}>
      {options.map((option) => {
        const selected = option.value === value
        return (
          <View
            key={option.value}
            className={`choice-group__option ${selected ? 'choice-group__option--selected' : ''}`}
            role="radio"
            tabIndex={0}
            aria-checked={selected ? 'true' : 'false'}
            aria-label={option.description ? `${option.label}，${option.description}` : option.label}
            {...activateProps(() => onChange(option.value), 'button')}
          >
            <View className="choice-group__label">
              <View className="choice-group__mark" aria-hidden>
                {selected ? '●' : '○'}
              </View>
              {option.label}
            </View>
            {option.description ? <View className="choice-group__description">{option.description}</View> : null}
          </View>
        )
      })}
    </View>
  )
}
