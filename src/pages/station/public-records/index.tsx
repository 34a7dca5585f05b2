import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { EmptyState } from '../../../components/feedback'
import { ObjectionCard } from '../../../components/objection-card'
import { PageShell } from '../../../components/page-shell'
import { RemoteStatus } from '../../../components/remote-status'
import type { ActionOutput } from '../../../domain/api/contract'
import { useRemote } from '../../../hooks/use-remote'
import { PAGES, withQuery } from '../../routes'
import { DecideObjection } from './decide-objection'
import { ThresholdForm } from './threshold-form'
import './index.scss'

// 投诉信息公示 for the station (docs/public-records.md): its own site's threshold N, a link to the
// public page as anyone sees it, and the shops' objections — the waiting ones with the decision form.
type Settings = ActionOutput<'station', 'publicSettings'>

export default function StationPublicRecords() {
  const loadSettings = useCallback(() => call('station', 'publicSettings', {}), [])
  const loadObjections = useCallback(() => call('station', 'listObjections', {}), [])
  const settingsState = useRemote(loadSettings)
  const objections = useRemote(loadObjections, { refreshOnShow: true })
  const [settings, setSettings] = useState<Settings | null>(null)
  useEffect(() => {
    if (settingsState.state.status === 'ready') setSettings(settingsState.state.data)
  }, [settingsState.state])

  const failed = settingsState.state.status === 'failed' ? settingsState.state.error.code : null
  const signedOut = failed === 'UNAUTHENTICATED' || failed === 'FORBIDDEN'
  useEffect(() => {
    if (signedOut) void Taro.redirectTo({ url: withQuery(PAGES.stationLogin, { next: 'board' }) })
  }, [signedOut])

  const items = objections.state.status === 'ready' ? objections.state.data.items : []
  return (
    <PageShell title="投诉信息公示" wide className="station-public" elderlySwitch>
      {settings ? (
        <>
          <View className="station-public__section" role="heading" aria-level={2}>
            公示门槛
          </View>
          <ThresholdForm settings={settings} onSaved={setSettings} />
          <ActionButton
            label="查看公示页面"
            variant="secondary"
            onPress={() => Taro.navigateTo({ url: withQuery(PAGES.publicRecords, { site: settings.siteId }) })}
          />
        </>
      ) : (
        <RemoteStatus state={settingsState.state} onRetry={settingsState.retry} />
      )}
      <View className="station-public__section" role="heading" aria-level={2}>
        商户异议
      </View>
      <RemoteStatus state={objections.state} onRetry={objections.retry} />
      {objections.state.status === 'ready' && items.length === 0 ? <EmptyState text="没有商户提出异议" /> : null}
      {items.length ? (
        <View role="list" aria-label="商户异议">
          {items.map((item) => (
            <View role="listitem" key={item.id}>
              <ObjectionCard item={item} showShop />
              {item.status === 'pending' ? (
                <DecideObjection objectionId={item.id} merchantName={item.merchantName} onDecided={() => void objections.reload()} />
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
    </PageShell>
  )
}
