import { View } from '@tarojs/components'
import { describedBy, fieldIds, FormField } from './form-field'
import { radioProps } from './radio-keys'
import './radio-group.scss'

// One labelled question answered by one choice among a few, all visible as large tiles: a real
// radio group (role, checked state, arrow keys on H5, one Tab stop), named by the question's
// visible label, with its error right under it like every other field.
export interface RadioOption<T extends string> {
  value: T
  /** the big words on the tile */
  label: string
  /** a small line under them (e.g. 很好 under 5) */
  hint?: string
  /** what a screen reader says when the tile's words alone are too terse (5 → 5分，很好) */
  spoken?: string
}

interface Props<T extends string> {
  /** error key and element ids, e.g. details.satisfied */
  name: string
  label: string
  value: T | ''
  options: readonly RadioOption<T>[]
  onChange: (value: T) => void
  error?: string
  optional?: boolean
  /** tiles per row (they wrap) */
  columns?: 2 | 3 | 5
}

export function RadioGroupField<T extends string>({ name, label, value, options, onChange, error, optional, columns = 2 }: Props<T>) {
  const ids = fieldIds(name)
  // one Tab stop: the chosen option, or the first while nothing is chosen
  const tabStop = options.some((o) => o.value === value) ? value : options[0]?.value
  return (
    <FormField name={name} label={label} error={error} optional={optional}>
      <View
        className={`radio-group radio-group--cols-${columns}`}
        role="radiogroup"
        aria-labelledby={ids.label}
        aria-describedby={describedBy(name, error)}
        aria-invalid={error ? 'true' : 'false'}
      >
        {options.map((option, index) => {
          const selected = option.value === value
          return (
            <View
              key={option.value}
              className={`radio-group__option ${selected ? 'radio-group__option--selected' : ''}`}
              role="radio"
              tabIndex={option.value === tabStop ? 0 : -1}
              aria-checked={selected ? 'true' : 'false'}
              aria-label={option.spoken ?? (option.hint ? `${option.label}，${option.hint}` : option.label)}
              {...radioProps(index, options.length, (i) => onChange(options[i].value))}
            >
              <View className="radio-group__label" aria-hidden>
                <View className="radio-group__mark">{selected ? '●' : '○'}</View>
                {option.label}
              </View>
              {option.hint ? (
                <View className="radio-group__hint" aria-hidden>
                  {option.hint}
                </View>
              ) : null}
            </View>
          )
        })}
      </View>
    </FormField>
  )
}
