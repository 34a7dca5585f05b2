import Taro from '@tarojs/taro'
import { ActionButton } from '../../../components/action-button'
import { InboxList } from '../../../components/inbox-list'
import { NoticePage } from '../../../components/notice-page'
import { PageShell } from '../../../components/page-shell'
import { RemoteStatus } from '../../../components/remote-status'
import { useInbox } from '../../../hooks/use-inbox'
import { PAGES } from '../../routes'
import { WechatAlertsButton } from './wechat-alerts-button'
import './index.scss'

// The shop's messages: new complaints, the shopper's decisions, clock warnings. A device that is
// not an approved clerk of any shop has no shop inbox: it is told so and pointed to the shop page
// (where binding starts) instead of seeing an error.
export default function MerchantInboxPage() {
  const inbox = useInbox('merchant', PAGES.merchantCase)
  const { state } = inbox
  if (state.status === 'failed' && (state.error.code === 'FORBIDDEN' || state.error.code === 'UNAUTHENTICATED')) {
    return (
      <NoticePage title="商户消息" message="本设备还没有绑定商户，绑定并通过审核后，这里会显示本店的投诉消息。">
        <ActionButton label="前往商户工作台" variant="secondary" onPress={() => Taro.redirectTo({ url: PAGES.merchantHome })} />
      </NoticePage>
    )
  }
  return (
    <PageShell title="商户消息" elderlySwitch>
      <RemoteStatus state={state} onRetry={inbox.retry} />
      {inbox.view ? (
        <>
          <WechatAlertsButton />
          <InboxList
            items={inbox.view.items}
            unread={inbox.view.unread}
            emptyText="暂时没有消息。有新投诉或时限提醒时，会在这里通知您。"
            onOpen={inbox.open}
            onMarkAll={() => void inbox.markAllRead()}
            markingAll={inbox.markingAll}
          />
        </>
      ) : null}
    </PageShell>
  )
}
