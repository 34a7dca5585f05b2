import { Textarea, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { DESCRIPTION_MAX, DESCRIPTION_MIN } from '../domain/complaint.schema'
import { describedBy, fieldIds, FormField } from './form-field'
import './description-field.scss'

// 投诉内容: what happened, in the person's own words, with a live count against the 2000 cap.
// `children` (voice input) go above the box they write into.
// (`complaint__textarea` is the name the mini-program page test taps; keep it.)
interface Props {
  value: string
  onChange: (value: string) => void
  error?: string
  label?: string
  children?: ReactNode
}

export function DescriptionField({ value, onChange, error, label = '投诉内容', children }: Props) {
  const ids = fieldIds('description')
  return (
    <FormField name="description" label={label} error={error}>
      {children}
      <Textarea
        className="field-box complaint__textarea"
        value={value}
        maxlength={DESCRIPTION_MAX} // Taro's default is 140
        placeholder="请写清楚：买了什么或接受了什么服务、出了什么问题、和商家沟通过什么"
        autoHeight={false}
        onInput={(e) => onChange(e.detail.value)}
        nativeProps={{
          id: ids.control,
          'aria-label': label,
          'aria-invalid': error ? 'true' : 'false',
          'aria-describedby': describedBy('description', error, true),
        }}
      />
      <View className="description-field__meta">
        <View className="description-field__hint" id={ids.hint}>
          至少{DESCRIPTION_MIN}个字
        </View>
        <View className="description-field__counter">
          {value.length}/{DESCRIPTION_MAX}
        </View>
      </View>
    </FormField>
  )
}
