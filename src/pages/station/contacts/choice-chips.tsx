import { View } from '@tarojs/components'
import { CheckBox } from '../../../components/check-box'
import { describedBy, fieldIds, FormField } from '../../../components/form-field'

// Several of a fixed list at once (消息对象, 消息类型): a labelled group of large check chips, kept
// in the list's order, with the field's error under it like every other question.
interface Props<T extends string> {
  name: string
  label: string
  hint?: string
  options: readonly { value: T; label: string }[]
  value: readonly T[]
  onChange: (value: T[]) => void
  error?: string
}

export function ChoiceChips<T extends string>({ name, label, hint, options, value, onChange, error }: Props<T>) {
  const ids = fieldIds(name)
  const toggle = (picked: T, on: boolean) => onChange(options.map((o) => o.value).filter((v) => (v === picked ? on : value.includes(v))))
  return (
    <FormField name={name} label={label} hint={hint} error={error}>
      <View className="contact-chips" role="group" aria-labelledby={ids.label} aria-describedby={describedBy(name, error, !!hint)}>
        {options.map((o) => (
          <CheckBox
            key={o.value}
            variant="chip"
            className={`contact-chips__${o.value}`}
            label={o.label}
            checked={value.includes(o.value)}
            invalid={!!error}
            onChange={(on) => toggle(o.value, on)}
          />
        ))}
      </View>
    </FormField>
  )
}
