import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PAGES } from '../pages/routes'
import { activateProps } from '../hooks/use-activate'
import type { InboxAs } from '../hooks/use-inbox'
import { useInboxUnread } from '../hooks/use-inbox-unread'
import './inbox-link.scss'

// "消息" with the unread count, on the pages people come back to (home, 我的投诉, the station board,
// the merchant home). The count is in the link's name ("消息，3条未读") as well as on the badge, so a
// screen reader hears what the eye sees; at none the badge goes and the name is just "消息".
// `compact` fits a toolbar; the default is a full-width row, easy to hit with an unsteady finger.
const INBOX_PAGES: Record<InboxAs, string> = {
  consumer: PAGES.consumerInbox,
  merchant: PAGES.merchantInbox,
  station: PAGES.stationInbox,
  regulator: PAGES.stationInbox,
}

interface Props {
  as: InboxAs
  compact?: boolean
  className?: string
}

export function InboxLink({ as, compact, className }: Props) {
  const unread = useInboxUnread(as)
  const count = unread ?? 0
  const label = count > 0 ? `消息，${count}条未读` : '消息'
  const go = () => void Taro.navigateTo({ url: INBOX_PAGES[as] })
  return (
    <View
      className={`inbox-link ${compact ? 'inbox-link--compact' : ''} ${className ?? ''}`}
      role="link"
      tabIndex={0}
      aria-label={label}
      hoverClass="inbox-link--pressed"
      {...activateProps(go, 'link')}
    >
      <View className="inbox-link__text" aria-hidden>
        消息
      </View>
      {count > 0 ? (
        <View className="inbox-link__badge" aria-hidden>
          {count > 99 ? '99+' : count}
        </View>
      ) : null}
      {compact ? null : (
        <View className="inbox-link__more" aria-hidden>
          {count > 0 ? '查看' : '暂无未读'} ›
        </View>
      )}
    </View>
  )
}
