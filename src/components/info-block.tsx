import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './info-block.scss'

// A labelled, read-only card: "投诉对象" with the shop, "案件编号" with the number, …
interface Props {
  label: string
  children: ReactNode
  tone?: 'plain' | 'accent'
  className?: string
}

export function InfoBlock({ label, children, tone = 'plain', className }: Props) {
  return (
    <View className={`info-block info-block--${tone} ${className ?? ''}`}>
      <View className="info-block__label">{label}</View>
      <View className="info-block__content">{children}</View>
    </View>
  )
}
