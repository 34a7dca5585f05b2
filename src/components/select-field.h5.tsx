import { describedBy, fieldIds, FormField } from './form-field'
import type { SelectFieldProps } from './select-field'
import './select-field.scss'

// H5: a real <select>. Taro's H5 Picker is a custom overlay that keyboards and screen readers cannot
// use; the native control opens the phone's own picker and needs no help to be accessible.
export function SelectField({ name, label, value, options, onChange, placeholder, error, hint }: SelectFieldProps) {
  const ids = fieldIds(name)
  return (
    <FormField name={name} label={label} error={error} hint={hint}>
      <select
        id={ids.control}
        className={`field-box select-field select-field--native ${value ? '' : 'select-field--empty'}`}
        value={value}
        aria-label={label}
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={describedBy(name, error, !!hint)}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="" disabled>
          {placeholder}
        </option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </FormField>
  )
}
