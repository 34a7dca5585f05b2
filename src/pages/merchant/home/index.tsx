import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useMemo } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { CaseList } from '../../../components/case-list'
import { InboxLink } from '../../../components/inbox-link'
import { InfoBlock } from '../../../components/info-block'
import { MerchantRecordView } from '../../../components/merchant-record'
import { PageShell } from '../../../components/page-shell'
import { RemoteStatus } from '../../../components/remote-status'
import type { CaseStatus } from '../../../domain/case.schema'
import { serverOffsetMs } from '../../../hooks/use-countdown'
import { useRemote } from '../../../hooks/use-remote'
import { PAGES, withQuery } from '../../routes'
import { InboxCaseCard } from './inbox-case-card'
import { LetterSummary } from './letter-summary'
import { UnboundNotice } from './unbound-notice'
import './index.scss'

// The shop's own page: its promise, its record, and the complaints still open — each with a live
// countdown to the 45-minute answer (and the 90-minute visit when the station asked for one). The
// server decides which shop from the caller's identity (an approved clerk); nothing here names one.
// The list is fetched again when the clerk comes back and once a minute, so a new case shows up.
const REFRESH_MS = 60_000
const FINISHED: readonly CaseStatus[] = ['closed', 'withdrawn', 'not_accepted', 'transferred']

export default function MerchantHome() {
  const load = useCallback(() => call('merchant', 'getHome', {}), [])
  const { state, reload, retry } = useRemote(load, { refreshOnShow: true })
  const data = state.status === 'ready' ? state.data : null
  // measured when the answer arrives: how far this phone's clock is from the server's
  const offsetMs = useMemo(() => (data ? serverOffsetMs(data.now) : 0), [data])

  useEffect(() => {
    const timer = setInterval(() => void reload(), REFRESH_MS)
    return () => clearInterval(timer)
  }, [reload])

  if (state.status === 'failed' && (state.error.code === 'FORBIDDEN' || state.error.code === 'UNAUTHENTICATED')) {
    return <UnboundNotice onRefresh={retry} />
  }
  const open = data ? data.cases.filter((c) => !FINISHED.includes(c.status)) : []
  const finished = data ? data.cases.filter((c) => FINISHED.includes(c.status)) : []
  const toCase = (id: string) => Taro.navigateTo({ url: withQuery(PAGES.merchantCase, { id }) })
  return (
    <PageShell title="商户工作台" className="merchant-home" elderlySwitch>
      <RemoteStatus state={state} onRetry={retry} />
      {data ? (
        <>
          <InfoBlock label={`本店 · ${data.merchant.siteName}`} tone="accent" className="merchant-home__shop">
            <View className="merchant-home__name">{data.merchant.name}</View>
            {data.merchant.commitment ? (
              <View className="merchant-home__commitment">
                <View className="merchant-home__commitment-label">本店承诺</View>
                {data.merchant.commitment}
              </View>
            ) : (
              <View className="merchant-home__commitment">本店尚未签署双承诺</View>
            )}
          </InfoBlock>
          <InboxLink as="merchant" className="merchant-home__inbox" />
          {/* what needs doing now comes first; the record below it */}
          <View className="merchant-home__section" role="heading" aria-level={2}>
            待处理投诉（{open.length}）
          </View>
          {open.length ? (
            <View className="merchant-home__list" role="list" aria-label="待处理投诉">
              {open.map((item) => (
                <View role="listitem" key={item.id} className="merchant-home__item">
                  <InboxCaseCard item={item} offsetMs={offsetMs} onOpen={(c) => toCase(c.id)} />
                </View>
              ))}
            </View>
          ) : (
            <View className="merchant-home__empty">目前没有待处理的投诉</View>
          )}
          <View className="merchant-home__section" role="heading" aria-level={2}>
            本店记录
          </View>
          <MerchantRecordView record={data.record} />
          <LetterSummary />
          {/* 投诉信息公示 (issue 19.2): the shop may object to its published entry */}
          <ActionButton label="投诉信息公示与异议" variant="secondary" onPress={() => Taro.navigateTo({ url: PAGES.merchantObjection })} />
          {finished.length ? (
            <>
              <View className="merchant-home__section" role="heading" aria-level={2}>
                已结束（{finished.length}）
              </View>
              <CaseList items={finished} label="已结束的投诉" emptyText="" hideMerchant onOpen={(c) => toCase(c.id)} />
            </>
          ) : null}
        </>
      ) : null}
    </PageShell>
  )
}
