import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { call } from '../../../../api'
import { ActionButton } from '../../../../components/action-button'
import { EmptyState, LoadingState } from '../../../../components/feedback'
import { PageShell } from '../../../../components/page-shell'
import { RemoteStatus } from '../../../../components/remote-status'
import { useRemote } from '../../../../hooks/use-remote'
import { useSignedOutRedirect } from '../../../../hooks/use-signed-out-redirect'
import { PAGES, withQuery } from '../../../routes'
import { backTo, REGISTRY_PAGES } from '../../../station/merchants/paths'
import { SiteForm, type SiteView } from './site-form'
import '../admin.scss'

// 站点管理: every site, a form to add one or edit one in place, and from each site its staff
// accounts and its shops. Sites are never deleted here: cases and shops keep pointing at them.
type Editing = { site: SiteView | null } | null

export default function AdminSites() {
  const load = useCallback(() => call('staff', 'listSites', {}), [])
  const { state, retry, reload } = useRemote(load, { refreshOnShow: true })
  const signedOut = useSignedOutRedirect(state)
  const [editing, setEditing] = useState<Editing>(null)
  const [done, setDone] = useState('')
  const go = (url: string) => void Taro.navigateTo({ url })

  if (signedOut || state.status === 'loading') {
    return (
      <PageShell title="站点管理" wide>
        <LoadingState />
      </PageShell>
    )
  }
  const sites = state.status === 'ready' ? state.data.items : []
  return (
    <PageShell title="站点管理" wide className="admin-sites" elderlySwitch>
      <RemoteStatus state={state} onRetry={retry} />
      {done ? (
        <View className="admin__done" role="status">
          {done}
        </View>
      ) : null}
      {editing ? (
        <SiteForm
          key={editing.site?.id ?? 'new'}
          site={editing.site}
          onCancel={() => setEditing(null)}
          onSaved={(site) => {
            setEditing(null)
            setDone(`已保存站点“${site.name}”。`)
            void reload()
          }}
        />
      ) : (
        <ActionButton
          label="新增站点"
          onPress={() => {
            setDone('')
            setEditing({ site: null })
          }}
        />
      )}
      {state.status === 'ready' ? (
        sites.length ? (
          <View className="admin__card" role="list" aria-label="站点列表">
            {sites.map((site) => (
              <View key={site.id} className="admin__row" role="listitem">
                <View className="admin__row-title">{site.name}</View>
                <View className="admin__row-meta">
                  {[site.address, site.hotline && `电话 ${site.hotline}`, site.areaId && `辖区 ${site.areaId}`]
                    .filter(Boolean)
                    .join(' · ') || '未填地址和电话'}
                </View>
                <View className="admin__buttons">
                  <ActionButton
                    label={`编辑 ${site.name}`}
                    text="编辑"
                    variant="secondary"
                    onPress={() => {
                      setDone('')
                      setEditing({ site })
                    }}
                  />
                  <ActionButton
                    label={`工作人员 ${site.name}`}
                    text="工作人员"
                    variant="secondary"
                    onPress={() => go(withQuery(PAGES.adminStaff, { site: site.id }))}
                  />
                  <ActionButton
                    label={`商户 ${site.name}`}
                    text="商户"
                    variant="secondary"
                    onPress={() => go(withQuery(REGISTRY_PAGES.merchants, { site: site.id }))}
                  />
                </View>
              </View>
            ))}
          </View>
        ) : (
          <EmptyState text="还没有站点，请先新增一个站点" />
        )
      ) : null}
      <ActionButton label="返回管理" variant="quiet" onPress={() => backTo(PAGES.adminHome)} />
    </PageShell>
  )
}
