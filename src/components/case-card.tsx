import { View } from '@tarojs/components'
import type { CaseSummary } from '../domain/case-view.schema'
import { STATUS_LABELS } from '../domain/labels'
import { formatShanghaiDateTime } from '../domain/time'
import { activateProps } from '../hooks/use-activate'
import { ClockBadge, CLOCK_COLOUR_LABELS } from './clock-badge'
import { formatDue } from './clock-due'
import { StatusTag } from './status-tag'
import './case-card.scss'

// One case in a list: number, shop, status, date (Shanghai time) and the first words.
// With `onOpen` the whole card is a link (role, focusable, Enter opens it); without, it is text.
interface Props {
  item: CaseSummary
  onOpen?: (item: CaseSummary) => void
  /** the shop is obvious on the merchant's own page */
  hideMerchant?: boolean
  /** the desk board: the clock due soonest, with its colour word, label and due time */
  showDue?: boolean
}

export function CaseCard({ item, onOpen, hideMerchant, showDue }: Props) {
  const when = formatShanghaiDateTime(item.createdAt)
  const due = showDue && item.nextDue ? item.nextDue : null
  // the link's name carries the clock too, so a screen reader hears what the eye sees first
  const dueText = due ? `，${CLOCK_COLOUR_LABELS[due.colour]}：${due.label} ${formatDue(due.dueAt)} 前` : ''
  const linkProps = onOpen
    ? {
        role: 'link',
        tabIndex: 0,
        'aria-label': `投诉 ${item.caseNo}，${item.merchantName}，${STATUS_LABELS[item.status]}，${when}${dueText}`,
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
      {due ? (
        <View className="case-card__due">
          <ClockBadge colour={due.colour} />
          <View className="case-card__due-text">
            {due.label}：{formatDue(due.dueAt)} 前{due.provisional ? '（暂定）' : ''}
          </View>
        </View>
      ) : null}
      <View className="case-card__excerpt">{item.excerpt}</View>
    </View>
  )
}
