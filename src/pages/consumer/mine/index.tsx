import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { CaseList } from '../../../components/case-list'
import { InboxLink } from '../../../components/inbox-link'
import { RemoteStatus } from '../../../components/remote-status'
import { CallHuman } from '../../../components/call-human'
import { PageShell } from '../../../components/page-shell'
import { useRemote } from '../../../hooks/use-remote'
import { PAGES, withQuery } from '../../routes'
import { MyConsultations } from '../consult/my-consultations'
import './index.scss'

// The person's own cases (the server knows them by WeChat OPENID or the device cookie).
// Reloaded every time the page is shown, so a status change is seen on coming back. A case filed
// on another phone, or by a service desk, is found with its number and query code instead.
export default function MyCasesPage() {
  const load = useCallback(() => call('consumer', 'listMyCases', {}), [])
  const { state, retry } = useRemote(load, { refreshOnShow: true })

  return (
    <PageShell title="我的投诉" elderlySwitch>
      <InboxLink as="consumer" className="mine__inbox" />
      <RemoteStatus state={state} onRetry={retry} />
      {state.status === 'ready' ? (
        <CaseList
          items={state.data.items}
          label="我的投诉列表"
          emptyText="本设备还没有投诉记录"
          onOpen={(item) => Taro.navigateTo({ url: withQuery(PAGES.consumerCase, { id: item.id }) })}
        />
      ) : null}
      <MyConsultations />
      <View className="mine__other">
        <View className="mine__other-text">在别的手机上提交的，或由服务台代为登记的投诉：</View>
        <ActionButton label="用案件编号和查询码查询" variant="secondary" onPress={() => Taro.navigateTo({ url: PAGES.lookup })} />
      </View>
      <CallHuman />
    </PageShell>
  )
}
