import { InboxList } from '../../../components/inbox-list'
import { CallHuman } from '../../../components/call-human'
import { PageShell } from '../../../components/page-shell'
import { RemoteStatus } from '../../../components/remote-status'
import { useInbox } from '../../../hooks/use-inbox'
import { PAGES } from '../../routes'

// The shopper's messages: every step of their cases (受理、商家答复、办结…), newest first. A tap
// opens the case and counts the message as read. WeChat service notices, where allowed, are extra;
// this list always has everything.
export default function ConsumerInboxPage() {
  const inbox = useInbox('consumer', PAGES.consumerCase)
  return (
    <PageShell title="消息" elderlySwitch>
      <RemoteStatus state={inbox.state} onRetry={inbox.retry} />
      {inbox.view ? (
        <InboxList
          items={inbox.view.items}
          unread={inbox.view.unread}
          emptyText="暂时没有消息。投诉有新进展时，会在这里通知您。"
          onOpen={inbox.open}
          onMarkAll={() => void inbox.markAllRead()}
          markingAll={inbox.markingAll}
        />
      ) : null}
      <CallHuman />
    </PageShell>
  )
}
