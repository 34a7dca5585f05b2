import { View } from '@tarojs/components'
import type { CaseSummary } from '../domain/case-view.schema'
import { STATUS_LABELS } from '../domain/labels'
import { formatShanghaiDateTime } from '../domain/time'
import { activateProps } from '../hooks/use-activate'
import { StatusTag } from './status-tag'
import './case-card.scss'

// One case in a list: number, shop, status, date (Shanghai time) and the first words.
// With `onOpen` the whole card is a link (role, focusable, Enter opens it); without, it is text.
interface Props {
  item: CaseSummary
  onOpen?: (item: CaseSummary) => void
  /** the shop is obvious on the merchant's own page */
  hideMerchant?: boolean
}

export function CaseCard({ item, onOpen, hideMerchant }: Props) {
  const when = formatShanghaiDateTime(item.createdAt)
  const linkProps = onOpen
    ? {
        role: 'link',
        tabIndex: 0,
        'aria-label': `投诉 ${item.caseNo}，${item.merchantName}，${STATUS_LABELS[item.status]}，${when}`,
        ...activateProps(() => onOpen(item), 'link'),
      }
    : {}
  return (
    <View className={`case-card ${onOpen ? 'case-card--link' : ''}`} hoverClass={onOpen ? 'case-card--pressed' : 'none'} {...linkProps}>
      <View className="case-card__top">
        <View className="case-card__no">{item.caseNo}</View>
        <StatusTag status={item.status} />
      </View>
      {hideMerchant ? null : <View className="case-card__merchant">{item.merchantName}</View>}
      <View className="case-card__date">{when}</View>
      <View className="case-card__excerpt">{item.excerpt}</View>
    </View>
  )
}
