import { View } from '@tarojs/components'
import type { ConsultSummary } from '../../../domain/consult/consult-consumer-api'
import { formatShanghaiDateTime } from '../../../domain/time'
import { activateProps } from '../../../hooks/use-activate'
import './consult.scss'

// One consultation in a list (我的投诉, the station's 咨询 list): its number, the kind 咨询, its
// status, the shop or site, the date and the first words. The whole card opens it.
export function ConsultCard({ item, onOpen }: { item: ConsultSummary; onOpen: (item: ConsultSummary) => void }) {
  const when = formatShanghaiDateTime(item.createdAt)
  const about = item.merchantName ?? item.siteName
  return (
    <View
      className="consult-card"
      role="link"
      tabIndex={0}
      aria-label={`咨询 ${item.consultNo}，${about}，${item.statusLabel}，${when}`}
      hoverClass="consult-card--pressed"
      {...activateProps(() => onOpen(item), 'link')}
    >
      <View className="consult-card__top">
        <View className="consult-card__no">{item.consultNo}</View>
        <View className="consult-card__kind">咨询</View>
        <View className={`consult-card__status consult-card__status--${item.status}`}>{item.statusLabel}</View>
      </View>
      <View className="consult-card__about">{about}</View>
      <View className="consult-card__date">{when}</View>
      <View className="consult-card__excerpt">{item.excerpt}</View>
    </View>
  )
}

export function ConsultList({ items, label, onOpen }: { items: ConsultSummary[]; label: string; onOpen: (item: ConsultSummary) => void }) {
  return (
    <View className="consult-list" role="list" aria-label={label}>
      {items.map((item) => (
        <View role="listitem" key={item.id} className="consult-list__item">
          <ConsultCard item={item} onOpen={onOpen} />
        </View>
      ))}
    </View>
  )
}
