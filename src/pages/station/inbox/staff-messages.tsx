import { View } from '@tarojs/components'
import { InboxList } from '../../../components/inbox-list'
import { RemoteStatus } from '../../../components/remote-status'
import { useInbox } from '../../../hooks/use-inbox'
import { PAGES } from '../../routes'

// The site's inbox for station or regulator staff. A city-wide regulator account belongs to no
// site and so has no site inbox (the server answers FORBIDDEN): said plainly, the rest of the page
// (failed notifications across the city) still works.
export function StaffMessages({ as }: { as: 'station' | 'regulator' }) {
  const inbox = useInbox(as, PAGES.stationCase)
  const { state } = inbox
  const noSiteInbox = state.status === 'failed' && state.error.code === 'FORBIDDEN'
  return (
    <View className="station-inbox__messages">
      {noSiteInbox ? (
        <View className="station-inbox__none">本账号不属于某个站点，没有站点消息。</View>
      ) : (
        <RemoteStatus state={state} onRetry={inbox.retry} />
      )}
      {inbox.view ? (
        <InboxList
          items={inbox.view.items}
          unread={inbox.view.unread}
          emptyText="暂时没有消息。有新举报、需要调解或时限告急时，会在这里通知您。"
          onOpen={inbox.open}
          onMarkAll={() => void inbox.markAllRead()}
          markingAll={inbox.markingAll}
        />
      ) : null}
    </View>
  )
}
