import { Textarea, View } from '@tarojs/components'
import { describedBy, fieldIds, FormField } from './form-field'
import './reason-field.scss'

// The text a step carries: a reason (不予受理, 终止调解…) or the merchant's offer. Everyone involved
// reads it later on the timeline, so it gets room and a visible count against the 500 cap.
export const REASON_MAX = 500

interface Props {
  label: string
  value: string
  onChange: (value: string) => void
  error?: string
}

export function ReasonField({ label, value, onChange, error }: Props) {
  const ids = fieldIds('reason')
  return (
    <FormField name="reason" label={label} error={error}>
      <Textarea
        className="field-box reason-field__textarea"
        value={value}
        maxlength={REASON_MAX} // Taro's default is 140
        autoHeight={false}
        focus
        onInput={(e) => onChange(e.detail.value)}
        nativeProps={{
          id: ids.control,
          'aria-label': label,
          'aria-invalid': error ? 'true' : 'false',
          'aria-describedby': describedBy('reason', error, true),
        }}
      />
      <View className="reason-field__counter" id={ids.hint}>
        {value.length}/{REASON_MAX}
      </View>
    </FormField>
  )
}
