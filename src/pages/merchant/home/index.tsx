import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { call } from '../../../api'
import { CaseList } from '../../../components/case-list'
import { RemoteStatus } from '../../../components/remote-status'
import { InfoBlock } from '../../../components/info-block'
import { NoticePage } from '../../../components/notice-page'
import { PageShell } from '../../../components/page-shell'
import { useRemote } from '../../../hooks/use-remote'
import { PAGES, withQuery } from '../../routes'
import './index.scss'

// The shop's own page: which complaints are about it. The server decides which shop from the
// caller's WeChat identity (a clerk bound by the station); nothing here names a shop. Each case
// opens the shop's case page, where the clerk answers it.
export default function MerchantHome() {
  const load = useCallback(() => call('merchant', 'getHome', {}), [])
  const { state, retry } = useRemote(load, { refreshOnShow: true })

  if (state.status === 'failed' && (state.error.code === 'FORBIDDEN' || state.error.code === 'UNAUTHENTICATED')) {
    return <NoticePage title="尚未绑定商户" message="此设备尚未绑定商户，请联系商场维权站。" />
  }
  return (
    <PageShell title="商户工作台" className="merchant-home">
      <RemoteStatus state={state} onRetry={retry} />
      {state.status === 'ready' ? (
        <>
          <InfoBlock label="本店" tone="accent">
            <View className="merchant-home__name">{state.data.merchant.name}</View>
            <View className="merchant-home__site">{state.data.merchant.siteName}</View>
          </InfoBlock>
          <View className="merchant-home__section">收到的投诉（{state.data.cases.length}）</View>
          <CaseList
            items={state.data.cases}
            label="本店收到的投诉"
            emptyText="本店还没有收到投诉"
            hideMerchant
            showDue
            onOpen={(item) => Taro.navigateTo({ url: withQuery(PAGES.merchantCase, { id: item.id }) })}
          />
        </>
      ) : null}
    </PageShell>
  )
}
