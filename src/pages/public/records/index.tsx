import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { call } from '../../../api'
import { EmptyState, ErrorBanner, LoadingState } from '../../../components/feedback'
import { PageShell } from '../../../components/page-shell'
import { RadioGroupField } from '../../../components/radio-group'
import { RemoteStatus } from '../../../components/remote-status'
import { periodInWords, PUBLIC_TITLE, publicNotes } from '../../../domain/public-records/public-wording'
import { useRemote } from '../../../hooks/use-remote'
import { decodeParam } from '../../routes'
import { PublicEntryCard } from './public-entry-card'
import './index.scss'

// 投诉信息公示 (docs/public-records.md): the shops of a site with their complaint counts, response and
// settlement rates and double-commitment status. Open to anyone; with `site` it shows that site,
// otherwise the person picks the mall or market first (one site: shown at once).

function Records({ siteId }: { siteId: string }) {
  const load = useCallback(() => call('consumer', 'publicRecords', { siteId }), [siteId])
  const { state, retry } = useRemote(load)
  if (state.status !== 'ready') return <RemoteStatus state={state} onRetry={retry} />
  const view = state.data
  return (
    <View className="public-records">
      <View className="public-records__site">
        {view.site.name} · 公示期 {periodInWords(view)}
      </View>
      <View className="public-records__notes" role="list" aria-label="公示说明">
        {publicNotes(view).map((note) => (
          <View role="listitem" key={note} className="public-records__note">
            {note}
          </View>
        ))}
      </View>
      {view.entries.length ? (
        <View role="list" aria-label="公示的经营者">
          {view.entries.map((entry) => (
            <View role="listitem" key={`${entry.name}-${entry.uscc}`}>
              <PublicEntryCard entry={entry} />
            </View>
          ))}
        </View>
      ) : (
        <EmptyState text="公示期内没有达到公示条件的经营者" />
      )}
      <View className="public-records__hotline">维权热线：{view.site.hotline}</View>
    </View>
  )
}

export default function PublicRecordsPage() {
  const { params } = useRouter()
  const fromLink = decodeParam(params.site)
  const [sites, setSites] = useState<{ id: string; name: string }[] | null>(null)
  const [siteId, setSiteId] = useState(fromLink)
  const [banner, setBanner] = useState('')

  useEffect(() => {
    if (fromLink) return
    void call('consumer', 'consultSites', {}).then((r) => {
      if (!r.ok) return setBanner(r.error.message)
      setSites(r.data.items)
      if (r.data.items.length === 1) setSiteId(r.data.items[0].id)
    })
  }, [fromLink])

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: PUBLIC_TITLE })
  }, [])

  return (
    <PageShell title={PUBLIC_TITLE} className="public-records-page" elderlySwitch>
      <ErrorBanner message={banner} />
      {!fromLink && sites === null && !banner ? <LoadingState /> : null}
      {!fromLink && sites && sites.length > 1 ? (
        <RadioGroupField
          name="siteId"
          label="查看哪个商场或市场"
          value={siteId}
          options={sites.map((s) => ({ value: s.id, label: s.name }))}
          onChange={setSiteId}
          columns={2}
        />
      ) : null}
      {siteId ? <Records siteId={siteId} /> : null}
    </PageShell>
  )
}
