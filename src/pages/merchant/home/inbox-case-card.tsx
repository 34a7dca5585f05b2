import { View } from '@tarojs/components'
import type { ActionOutput } from '../../../domain/api/contract'
import { STATUS_LABELS } from '../../../domain/labels'
import { formatShanghaiDateTime } from '../../../domain/time'
import { activateProps } from '../../../hooks/use-activate'
import { CountdownBadge } from '../../../components/countdown-badge'
import { StatusTag } from '../../../components/status-tag'

type InboxCase = ActionOutput<'merchant', 'getHome'>['cases'][number]

// One open complaint in the clerk's inbox: its number and words, and the live countdown of each
// promise still running (45 minutes to answer, 90 to be on site). The countdowns sit beside the
// link, not inside it, so the link's name stays short and the timers keep their own roles; a tap
// anywhere on the card still opens the case.
interface Props {
  item: InboxCase
  offsetMs: number
  onOpen: (item: InboxCase) => void
}

export function InboxCaseCard({ item, offsetMs, onOpen }: Props) {
  const open = () => onOpen(item)
  // the card's own onClick opens the case (a tap on the link bubbles to it); the link adds only Enter
  const { onKeyDown } = activateProps(open, 'link') as { onKeyDown?: (e: { key: string; preventDefault: () => void }) => void }
  const clocks = [item.responseDue, item.onSiteDue].filter((c): c is NonNullable<typeof c> => c !== null)
  return (
    <View className="inbox-card" onClick={open} hoverClass="inbox-card--pressed">
      <View className="inbox-card__top">
        <View
          className="inbox-card__link"
          role="link"
          tabIndex={0}
          aria-label={`处理投诉 ${item.caseNo}，${STATUS_LABELS[item.status]}`}
          onKeyDown={onKeyDown}
        >
          {item.caseNo}
        </View>
        <StatusTag status={item.status} />
      </View>
      <View className="inbox-card__date">{formatShanghaiDateTime(item.createdAt)} 收到</View>
      <View className="inbox-card__excerpt">{item.excerpt}</View>
      {clocks.length ? (
        <View className="inbox-card__clocks">
          {clocks.map((clock) => (
            <CountdownBadge key={clock.clockId} clock={clock} offsetMs={offsetMs} />
          ))}
        </View>
      ) : null}
      <View className="inbox-card__cta" aria-hidden>
        查看并处理 ›
      </View>
    </View>
  )
}
