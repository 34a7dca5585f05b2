import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useMemo, useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { EmptyState, LoadingState } from '../../../components/feedback'
import { PageShell } from '../../../components/page-shell'
import { RemoteStatus } from '../../../components/remote-status'
import { SelectField } from '../../../components/select-field'
import { TextField } from '../../../components/text-field'
import { useMerchantRecords } from '../../../hooks/use-merchant-records'
import { useRemote } from '../../../hooks/use-remote'
import { useSignedOutRedirect } from '../../../hooks/use-signed-out-redirect'
import { PAGES } from '../../routes'
import { filterMerchants, SIGNED_FILTERS, type SignedFilter } from './merchant-filter'
import { MerchantRow } from './merchant-row'
import { PendingLetters } from './pending-letters'
import { registryUrl, REGISTRY_PAGES, useRegistrySite } from './paths'
import './index.scss'

// 商户管理: every shop of the station's site, searchable by name, booth or code, and filtered by
// whether it signed the double commitment; each with its record. From here staff add a shop,
// import a whole mall from CSV, and print every shop's QR poster at once.
const PAGE_SIZE = 20

export default function StationMerchants() {
  // `site`: an administrator's chosen site (from 管理); a station's own site otherwise
  const siteId = useRegistrySite()
  const load = useCallback(() => call('registry', 'listMerchants', siteId ? { siteId } : {}), [siteId])
  const { state, retry } = useRemote(load, { refreshOnShow: true })
  const signedOut = useSignedOutRedirect(state)
  const [query, setQuery] = useState('')
  const [signed, setSigned] = useState<SignedFilter>('全部商户')
  const [shown, setShown] = useState(PAGE_SIZE)

  const all = useMemo(() => (state.status === 'ready' ? state.data.items : []), [state])
  const matching = useMemo(() => filterMerchants(all, query, signed), [all, query, signed])
  const visible = matching.slice(0, shown)
  const records = useMerchantRecords(useMemo(() => visible.map((m) => m.id), [visible]))
  const go = (url: string) => Taro.navigateTo({ url })

  if (signedOut || state.status === 'loading') {
    return (
      <PageShell title="商户管理" wide>
        <LoadingState />
      </PageShell>
    )
  }
  return (
    <PageShell title="商户管理" wide className="station-merchants">
      <RemoteStatus state={state} onRetry={retry} />
      {state.status === 'ready' ? (
        <>
          <View className="station-merchants__site">
            {state.data.siteName} · 共 {all.length} 家商户
          </View>
          <View className="station-merchants__tools">
            <ActionButton label="新增商户" onPress={() => go(registryUrl(REGISTRY_PAGES.merchant, siteId))} />
            <ActionButton label="导入CSV" variant="secondary" onPress={() => go(registryUrl(REGISTRY_PAGES.merchantImport, siteId))} />
            <ActionButton label="批量打印海报" variant="secondary" onPress={() => go(registryUrl(REGISTRY_PAGES.posters, siteId))} />
          </View>
          {siteId ? null : <PendingLetters onOpen={(id, quarter) => go(registryUrl(REGISTRY_PAGES.merchant, siteId, { id, quarter }))} />}
          <View className="station-merchants__filters">
            <TextField
              name="merchant-search"
              label="搜索商户"
              value={query}
              onChange={(v) => {
                setQuery(v)
                setShown(PAGE_SIZE)
              }}
              maxlength={30}
              placeholder="店名、铺位号或商户码"
              inputMode="search"
            />
            <SelectField
              name="merchant-signed"
              label="双承诺"
              value={signed}
              options={SIGNED_FILTERS}
              placeholder="全部商户"
              onChange={(v) => {
                setSigned(v as SignedFilter)
                setShown(PAGE_SIZE)
              }}
            />
          </View>
          <View className="station-merchants__count" role="status">
            找到 {matching.length} 家
          </View>
          {visible.length ? (
            <View className="station-merchants__list" role="list" aria-label="商户列表">
              {visible.map((m) => (
                <View role="listitem" key={m.id} className="station-merchants__item">
                  <MerchantRow
                    merchant={m}
                    record={records[m.id]}
                    onOpen={() => go(registryUrl(REGISTRY_PAGES.merchant, siteId, { id: m.id }))}
                  />
                </View>
              ))}
            </View>
          ) : (
            <EmptyState text={all.length ? '没有符合条件的商户' : '本站还没有商户，请新增或导入'} />
          )}
          {matching.length > shown ? (
            <ActionButton
              label={`显示更多（还有 ${matching.length - shown} 家）`}
              variant="secondary"
              onPress={() => setShown(shown + PAGE_SIZE)}
            />
          ) : null}
        </>
      ) : null}
      {siteId ? (
        <ActionButton label="返回管理" variant="quiet" onPress={() => Taro.redirectTo({ url: PAGES.adminHome })} />
      ) : (
        <ActionButton label="返回工作台" variant="quiet" onPress={() => Taro.redirectTo({ url: PAGES.stationBoard })} />
      )}
    </PageShell>
  )
}
