import { describedBy, fieldIds, FormField } from './form-field'
import { todayInShanghai } from '../hooks/shanghai-today'
import type { DateTimeFieldProps } from './date-time-field'
import './date-time-field.scss'

// H5: native <input type=date> and <input type=time>: phones open their own pickers, keyboards and
// screen readers work, and the values come as YYYY-MM-DD and HH:mm, exactly what the schema takes.
export function DateTimeField({ name, label, date, clock, onDate, onClock, error, optional }: DateTimeFieldProps) {
  const ids = fieldIds(name)
  const hint = '选日期即可；记得几点也可以再选时间'
  return (
    <FormField name={name} label={label} error={error} optional={optional} hint={hint}>
      <div className="date-time-field">
        <input
          id={ids.control}
          className="field-box date-time-field__part"
          type="date"
          value={date}
          max={todayInShanghai()}
          aria-label="消费日期"
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={describedBy(name, error, true)}
          onChange={(e) => onDate(e.target.value)}
        />
        <input
          className="field-box date-time-field__part date-time-field__clock"
          type="time"
          value={clock}
          aria-label="具体时间（选填）"
          onChange={(e) => onClock(e.target.value)}
        />
      </div>
    </FormField>
  )
}
