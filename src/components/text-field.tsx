import { Input } from '@tarojs/components'
import { describedBy, fieldIds, FormField } from './form-field'
import './text-field.scss'

// A one-line text question. maxlength is always given (Taro's default of 140 would cut silently),
// and the H5 attributes that make a phone keyboard fit (inputmode, autocomplete) pass through
// nativeProps, which the mini-program ignores.
interface Props {
  name: string
  label: string
  value: string
  onChange: (value: string) => void
  maxlength: number
  error?: string
  hint?: string
  optional?: boolean
  placeholder?: string
  inputMode?: 'text' | 'tel' | 'decimal' | 'search' | 'numeric'
  autoComplete?: string
  /** weapp keyboard: 'digit' shows numbers with a decimal point, 'number' digits only */
  type?: 'text' | 'digit' | 'number'
  onConfirm?: () => void
  onBlur?: () => void
}

export function TextField(props: Props) {
  const {
    name,
    label,
    value,
    onChange,
    maxlength,
    error,
    hint,
    optional,
    placeholder,
    inputMode,
    autoComplete,
    type = 'text',
    onConfirm,
    onBlur,
  } = props
  const ids = fieldIds(name)
  return (
    <FormField name={name} label={label} error={error} hint={hint} optional={optional}>
      <Input
        className={`field-box text-field text-field--${name}`}
        value={value}
        type={process.env.TARO_ENV === 'h5' ? 'text' : type}
        maxlength={maxlength}
        placeholder={placeholder}
        confirmType="done"
        onInput={(e) => onChange(e.detail.value)}
        onConfirm={onConfirm}
        onBlur={onBlur}
        nativeProps={{
          id: ids.control,
          'aria-label': label,
          'aria-invalid': error ? 'true' : 'false',
          'aria-describedby': describedBy(name, error, !!hint),
          inputmode: inputMode,
          autocomplete: autoComplete,
        }}
      />
    </FormField>
  )
}
