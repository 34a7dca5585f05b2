import { Input, View } from '@tarojs/components'
import { describedBy, fieldIds, FormField } from '../../../components/form-field'
import { UNIT_WORDS, type ClockField } from './clock-fields'

// One clock's number: a short numeric box with its unit written after it, the national default
// under the label (so a changed number can always be put back), and the server's error under it.
interface Props {
  field: ClockField
  value: string
  onChange: (value: string) => void
  error?: string
}

export function AmountField({ field, value, onChange, error }: Props) {
  const ids = fieldIds(field.key)
  const unit = UNIT_WORDS[field.unit]
  // what is saved, not what is being typed: "本站现为" must be true
  const own = field.amount !== field.defaultAmount ? `；本站现为 ${field.amount} ${unit}` : ''
  return (
    <FormField
      name={field.key}
      label={field.label}
      hint={`全国默认 ${field.defaultAmount} ${unit}${own}`}
      error={error}
      className="amount-field"
    >
      <View className="amount-field__row">
        <Input
          className="field-box amount-field__input"
          value={value}
          type={process.env.TARO_ENV === 'h5' ? 'text' : 'number'}
          maxlength={6}
          confirmType="done"
          onInput={(e) => onChange(e.detail.value)}
          nativeProps={{
            id: ids.control,
            'aria-label': `${field.label}（${unit}）`,
            'aria-invalid': error ? 'true' : 'false',
            'aria-describedby': describedBy(field.key, error, true),
            inputmode: 'numeric',
          }}
        />
        <View className="amount-field__unit" aria-hidden>
          {unit}
        </View>
      </View>
    </FormField>
  )
}
