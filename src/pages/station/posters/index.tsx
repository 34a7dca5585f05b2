import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { EmptyState, LoadingState } from '../../../components/feedback'
import { PageShell } from '../../../components/page-shell'
import { PosterSheet } from '../../../components/poster-sheet'
import { RemoteStatus } from '../../../components/remote-status'
import { useRemote } from '../../../hooks/use-remote'
import { useSignedOutRedirect } from '../../../hooks/use-signed-out-redirect'
import { decodeParam } from '../../routes'
import { backTo, registryUrl, REGISTRY_PAGES, useRegistrySite } from '../merchants/paths'
import { PosterQr } from './poster-qr'
import { canPrint, printPage } from './print'
import './index.scss'

// The QR posters, one A4 sheet per shop: `ids` (comma-separated) for some shops, none for every
// shop of the site. On the desk the browser prints them (or saves a PDF); each poster's code opens
// that shop's complaint form.
export default function StationPosters() {
  const { params } = useRouter()
  const ids = decodeParam(params.ids).split(',').filter(Boolean)
  const key = ids.join(',')
  const siteId = useRegistrySite() // a batch print of an administrator's chosen site
  const load = useCallback(
    () => call('registry', 'posterData', key ? { merchantIds: key.split(',') } : siteId ? { siteId } : {}),
    [key, siteId],
  )
  const { state, retry } = useRemote(load)
  const signedOut = useSignedOutRedirect(state)

  if (signedOut || state.status === 'loading') {
    return (
      <PageShell title="打印海报" wide>
        <LoadingState />
      </PageShell>
    )
  }
  const items = state.status === 'ready' ? state.data.items : []
  return (
    <PageShell title={ids.length === 1 && items[0] ? `打印海报：${items[0].name}` : '打印海报'} wide className="posters-page">
      <RemoteStatus state={state} onRetry={retry} />
      {state.status === 'ready' ? (
        <View className="posters-page__tools no-print">
          <View className="posters-page__count" role="status">
            共 {items.length} 张 A4 海报，每家商户一张
          </View>
          {canPrint ? (
            <ActionButton label="打印海报" onPress={printPage} disabled={!items.length} />
          ) : (
            <View className="posters-page__note">
              长按海报上的小程序码可保存或转发给商户；要打印 A4 海报，可在电脑上的维权站工作台打印。
            </View>
          )}
          <ActionButton label="返回" variant="quiet" onPress={() => backTo(registryUrl(REGISTRY_PAGES.merchants, siteId))} />
        </View>
      ) : null}
      {state.status === 'ready' && !items.length ? <EmptyState text="本站还没有商户" /> : null}
      <View className="posters-page__sheets">
        {items.map((item) => (
          <PosterSheet key={item.merchantId} item={item} qr={<PosterQr item={item} />} />
        ))}
      </View>
    </PageShell>
  )
}
