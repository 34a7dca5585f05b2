import { Picker, View } from '@tarojs/components'
import { todayInShanghai } from '../hooks/shanghai-today'
import { fieldIds, FormField } from './form-field'
import './date-time-field.scss'

// When the purchase or service happened: a date, and optionally the time of day. WeChat: the
// native date and time pickers. H5 uses date-time-field.h5.tsx (native date/time inputs).
// (Platform files may import only types from here: a value import would resolve to themselves.)
export interface DateTimeFieldProps {
  name: string
  label: string
  date: string
  clock: string
  onDate: (date: string) => void
  onClock: (clock: string) => void
  error?: string
  optional?: boolean
}

export function DateTimeField({ name, label, date, clock, onDate, onClock, error, optional }: DateTimeFieldProps) {
  const ids = fieldIds(name)
  return (
    <FormField name={name} label={label} error={error} optional={optional} hint="选日期即可；记得几点也可以再选时间">
      <View className="date-time-field">
        <Picker mode="date" value={date || todayInShanghai()} end={todayInShanghai()} onChange={(e) => onDate(String(e.detail.value))}>
          <View id={ids.control} className="field-box date-time-field__part" role="button" aria-label={`消费日期：${date || '未选择'}`}>
            {date || '选择日期'}
          </View>
        </Picker>
        <Picker mode="time" value={clock || '12:00'} onChange={(e) => onClock(String(e.detail.value))}>
          <View className="field-box date-time-field__part" role="button" aria-label={`具体时间：${clock || '未选择'}`}>
            {clock || '选择时间'}
          </View>
        </Picker>
      </View>
    </FormField>
  )
}
