import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useMemo, useState } from 'react'
import { call } from '../../../../api'
import { ActionButton } from '../../../../components/action-button'
import { EmptyState, LoadingState } from '../../../../components/feedback'
import { PageShell } from '../../../../components/page-shell'
import { RemoteStatus } from '../../../../components/remote-status'
import { SelectField } from '../../../../components/select-field'
import { ROLE_LABELS } from '../../../../domain/labels'
import { useRemote } from '../../../../hooks/use-remote'
import { useSignedOutRedirect } from '../../../../hooks/use-signed-out-redirect'
import { decodeParam, PAGES, withQuery } from '../../../routes'
import { backTo } from '../../../station/merchants/paths'
import { idOf, labelOf, siteChoices } from '../../../../components/site-choice'
import { StaffForm } from './staff-form'
import '../admin.scss'

// 工作人员账号: the accounts of one site (or all), a form for a new one, and each account's own page
// (停用/启用, binding codes, bound WeChats). Opened from a site with `site`, it starts on that site.
const ALL = '全部站点'

export default function AdminStaff() {
  const { params } = useRouter()
  const [siteId, setSiteId] = useState(decodeParam(params.site))
  const [creating, setCreating] = useState(false)
  const loadSites = useCallback(() => call('staff', 'listSites', {}), [])
  const sites = useRemote(loadSites)
  const loadStaff = useCallback(() => call('staff', 'listStaff', siteId ? { siteId } : {}), [siteId])
  const staff = useRemote(loadStaff, { refreshOnShow: true })
  const signedOut = useSignedOutRedirect(staff.state)
  const choices = useMemo(() => siteChoices(sites.state.status === 'ready' ? sites.state.data.items : []), [sites.state])
  const open = (id: string) => void Taro.navigateTo({ url: withQuery(PAGES.adminAccount, { id }) })

  if (signedOut || staff.state.status === 'loading' || sites.state.status === 'loading') {
    return (
      <PageShell title="工作人员账号" wide>
        <LoadingState />
      </PageShell>
    )
  }
  const accounts = staff.state.status === 'ready' ? staff.state.data.items : []
  return (
    <PageShell title="工作人员账号" wide className="admin-staff" elderlySwitch>
      <RemoteStatus state={sites.state} onRetry={sites.retry} />
      <View className="admin__card">
        <SelectField
          name="site-filter"
          label="站点"
          value={siteId ? labelOf(choices, siteId) : ALL}
          options={[ALL, ...choices.map((c) => c.label)]}
          placeholder={ALL}
          onChange={(label) => setSiteId(label === ALL ? '' : idOf(choices, label))}
        />
      </View>
      {creating ? (
        <StaffForm
          sites={choices}
          siteId={siteId}
          onCancel={() => setCreating(false)}
          // the new account's page is where its binding code is issued: the next thing to do
          onSaved={(account) => {
            setCreating(false)
            open(account.id)
          }}
        />
      ) : (
        <ActionButton label="新增工作人员账号" onPress={() => setCreating(true)} />
      )}
      <RemoteStatus state={staff.state} onRetry={staff.retry} />
      {staff.state.status === 'ready' ? (
        accounts.length ? (
          <View className="admin__card" role="list" aria-label="工作人员账号列表">
            {accounts.map((a) => (
              <View key={a.id} className="admin__row admin-staff__row" role="listitem">
                <View className="admin__row-title">
                  {a.displayName}
                  {a.disabled ? <View className="admin__tag">已停用</View> : null}
                </View>
                <View className="admin__row-meta">
                  {ROLE_LABELS[a.role]} · 用户名 {a.username}
                  {a.siteId ? ` · ${labelOf(choices, a.siteId) || '未知站点'}` : a.role === 'regulator' ? ' · 全部站点' : ''}
                </View>
                <ActionButton
                  className="admin-staff__open"
                  label={`管理账号 ${a.displayName}`}
                  text="管理账号"
                  variant="secondary"
                  onPress={() => open(a.id)}
                />
              </View>
            ))}
          </View>
        ) : (
          <EmptyState text={siteId ? '这个站点还没有工作人员账号' : '还没有工作人员账号'} />
        )
      ) : null}
      <ActionButton label="返回管理" variant="quiet" onPress={() => backTo(PAGES.adminHome)} />
    </PageShell>
  )
}
