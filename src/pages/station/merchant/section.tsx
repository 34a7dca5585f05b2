import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

/** A titled part of the shop's page (level-2 heading, so screen readers can jump between parts). */
export function Section({ title, card, children }: { title: string; card?: boolean; children: ReactNode }) {
  return (
    <View className="station-merchant__section">
      <View className="station-merchant__heading" role="heading" aria-level={2}>
        {title}
      </View>
      {card ? <View className="station-merchant__card">{children}</View> : children}
    </View>
  )
}
