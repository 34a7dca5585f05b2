import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from './action-button'
import './copy-value.scss'

// A value a person must keep (案件编号, 查询码): printed very large, spaced for reading out over the
// phone, with a copy button right under it and a quiet "已复制" once it worked.
interface Props {
  label: string
  value: string
  className?: string
  /** e.g. case-no: the name other pages and tests read the number by */
  valueClassName?: string
  note?: string
}

export function CopyValue({ label, value, className, valueClassName, note }: Props) {
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    try {
      await Taro.setClipboardData({ data: value })
      setCopied(true)
    } catch {
      setCopied(false) // the value stays on screen to write down
    }
  }
  return (
    <View className={`copy-value ${className ?? ''}`}>
      <View className="copy-value__label">{label}</View>
      <View className={`copy-value__value ${valueClassName ?? ''}`}>{value}</View>
      {note ? <View className="copy-value__note">{note}</View> : null}
      <ActionButton className="copy-value__button" variant="secondary" label={`复制${label}`} onPress={() => void copy()} />
      <View className="copy-value__copied" role="status">
        {copied ? `已复制${label}` : ''}
      </View>
    </View>
  )
}
