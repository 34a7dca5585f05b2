import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './form-section.scss'

// A titled card grouping a few questions (您的信息, 消费情况…): a long form read in chunks, with a
// level-2 heading each, so screen-reader users can jump between them.
export function FormSection({ title, children, note }: { title: string; children: ReactNode; note?: string }) {
  return (
    <View className="form-card">
      <View className="form-card__title" role="heading" aria-level={2}>
        {title}
      </View>
      {note ? <View className="form-card__note">{note}</View> : null}
      {children}
    </View>
  )
}
