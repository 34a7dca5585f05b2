import { Picker, View } from '@tarojs/components'
import { describedBy, fieldIds, FormField } from './form-field'
import './select-field.scss'

// Choosing one of a fixed list (问题类型, 行业). WeChat: the native bottom-sheet picker. The H5 build
// uses select-field.h5.tsx (a native <select>, which phones show as their own wheel and screen
// readers understand). Same props on both.
export interface SelectFieldProps {
  name: string
  label: string
  value: string
  options: readonly string[]
  onChange: (value: string) => void
  placeholder: string
  error?: string
  hint?: string
}

export function SelectField({ name, label, value, options, onChange, placeholder, error, hint }: SelectFieldProps) {
  const index = options.indexOf(value)
  return (
    <FormField name={name} label={label} error={error} hint={hint}>
      <Picker
        className={`select-field__picker select-field__picker--${name}`}
        mode="selector"
        range={options as string[]}
        value={Math.max(0, index)}
        onChange={(e) => onChange(options[Number(e.detail.value)] ?? '')}
      >
        <View
          id={fieldIds(name).control}
          className={`field-box select-field ${index < 0 ? 'select-field--empty' : ''}`}
          role="button"
          aria-label={`${label}：${index < 0 ? '未选择' : value}`}
          aria-describedby={describedBy(name, error, !!hint)}
        >
          {index < 0 ? placeholder : value}
          <View className="select-field__arrow" aria-hidden>
            ▾
          </View>
        </View>
      </Picker>
    </FormField>
  )
}
