import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { LoadingState } from '../../../components/feedback'
import { PageShell } from '../../../components/page-shell'
import { RemoteStatus } from '../../../components/remote-status'
import { useRemote } from '../../../hooks/use-remote'
import { useSignedOutRedirect } from '../../../hooks/use-signed-out-redirect'
import { PAGES } from '../../routes'
import { ParkedList } from './parked-list'
import { StaffMessages } from './staff-messages'
import './index.scss'

// The station's messages (new reports, the shopper's decisions, clocks turning red) and, below,
// the notifications that could not be delivered after every retry, each with 重新发送. Which inbox
// is read follows who signed in (station or regulator); a proxy desk account has none.
export default function StationInboxPage() {
  const load = useCallback(() => call('station', 'me', {}), [])
  const { state, retry } = useRemote(load)
  const signedOut = useSignedOutRedirect(state)

  if (state.status === 'loading' || signedOut) {
    return (
      <PageShell title="站点消息" wide>
        <LoadingState />
      </PageShell>
    )
  }
  const role = state.status === 'ready' ? state.data.role : null
  return (
    <PageShell title="站点消息" wide className="station-inbox">
      <RemoteStatus state={state} onRetry={retry} />
      {role === 'station' || role === 'regulator' ? (
        <>
          <StaffMessages as={role} />
          <ParkedList />
        </>
      ) : null}
      {role === 'proxy' ? <View className="station-inbox__none">代帮办账号没有站点消息。</View> : null}
      <ActionButton
        className="station-inbox__back"
        label="返回工作台"
        variant="secondary"
        onPress={() => Taro.redirectTo({ url: PAGES.stationBoard })}
      />
    </PageShell>
  )
}
