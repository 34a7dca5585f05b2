import { Textarea, View } from '@tarojs/components'
import { describedBy, fieldIds, FormField } from './form-field'
import './reason-field.scss'

// The text a step carries: a reason (不予受理, 终止调解…), the merchant's note, a comment. Everyone
// involved reads it later on the timeline, so it gets room and a visible count against the 500 cap.
export const REASON_MAX = 500

interface Props {
  label: string
  value: string
  onChange: (value: string) => void
  error?: string
  /** the error key and element ids; several on one form need different names */
  name?: string
  optional?: boolean
  /** a lone reason box takes the focus (the keyboard opens); a box on a longer form does not */
  autoFocus?: boolean
  placeholder?: string
  /** a shorter box for secondary notes */
  short?: boolean
}

export function ReasonField({ label, value, onChange, error, name = 'reason', optional, autoFocus = true, placeholder, short }: Props) {
  const ids = fieldIds(name)
  return (
    <FormField name={name} label={label} error={error} optional={optional}>
      <Textarea
        className={`field-box reason-field__textarea ${short ? 'reason-field__textarea--short' : ''}`}
        value={value}
        maxlength={REASON_MAX} // Taro's default is 140
        autoHeight={false}
        focus={autoFocus}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
        nativeProps={{
          id: ids.control,
          'aria-label': label,
          'aria-invalid': error ? 'true' : 'false',
          'aria-describedby': describedBy(name, error, true),
        }}
      />
      <View className="reason-field__counter" id={ids.hint}>
        {value.length}/{REASON_MAX}
      </View>
    </FormField>
  )
}
