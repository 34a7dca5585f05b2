import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { LoadingState } from '../../../components/feedback'
import { NoticePage } from '../../../components/notice-page'
import { PageShell } from '../../../components/page-shell'
import { useRemote } from '../../../hooks/use-remote'
import { MembershipStatus, pickMembership } from '../join/membership-status'

/** The clerk's join page (merchant subpackage, app.config.ts). */
export const MERCHANT_JOIN = '/pages/merchant/join/index'

// The server refused the inbox: this phone has no active binding. Say why in the clerk's terms —
// never bound, still waiting for the station, or refused / revoked — and offer the way in.
// 刷新状态 asks for the inbox again (`onRefresh`): once the station approves, it simply opens.
export function UnboundNotice({ onRefresh }: { onRefresh: () => void }) {
  const load = useCallback(() => call('merchant', 'myMemberships', {}), [])
  const { state } = useRemote(load)
  const toJoin = () => Taro.navigateTo({ url: MERCHANT_JOIN })

  if (state.status === 'loading') {
    return (
      <PageShell title="商户工作台">
        <LoadingState />
      </PageShell>
    )
  }
  const shown = state.status === 'ready' ? pickMembership(state.data.items) : null
  if (!shown) {
    return (
      <NoticePage title="尚未绑定商户" message="此手机尚未绑定商户。请扫描商场维权站给的邀请二维码，或输入邀请码。">
        <ActionButton label="输入邀请码" onPress={toJoin} />
      </NoticePage>
    )
  }
  return (
    <PageShell title="商户工作台" className="merchant-home merchant-home--unbound" elderlySwitch>
      <MembershipStatus membership={shown} />
      {shown.status === 'pending' ? <ActionButton label="刷新状态" variant="secondary" onPress={onRefresh} /> : null}
      <ActionButton label="输入新的邀请码" variant="quiet" onPress={toJoin} />
    </PageShell>
  )
}
