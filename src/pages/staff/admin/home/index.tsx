import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { call, logout } from '../../../../api'
import { ActionButton } from '../../../../components/action-button'
import { ErrorBanner, LoadingState } from '../../../../components/feedback'
import { PageShell } from '../../../../components/page-shell'
import { RemoteStatus } from '../../../../components/remote-status'
import { useRemote } from '../../../../hooks/use-remote'
import { useSignedOutRedirect } from '../../../../hooks/use-signed-out-redirect'
import { PAGES, withQuery } from '../../../routes'
import { REGISTRY_PAGES } from '../../../station/merchants/paths'
import { STAFF_PAGES } from '../../paths'
import '../admin.scss'

// 管理: where an administrator lands, after signing in on the desk or binding in WeChat. An
// administrator provisions and reads no case: sites, staff accounts (with their binding codes) and
// each site's shops — the station's own registry pages, opened for the site chosen here, which the
// policy and registry-scope.ts let an administrator use for any site (docs/admin-pages.md).
const go = (url: string) => void Taro.navigateTo({ url })

export default function AdminHome() {
  const loadSites = useCallback(() => call('staff', 'listSites', {}), [])
  const sites = useRemote(loadSites, { refreshOnShow: true })
  const loadMe = useCallback(() => call('station', 'me', {}), [])
  const me = useRemote(loadMe)
  const signedOut = useSignedOutRedirect(sites.state)
  const [leaving, setLeaving] = useState(false)
  const [banner, setBanner] = useState('')

  const signOut = async () => {
    setLeaving(true)
    const result = await logout()
    setLeaving(false)
    if (!result.ok) return setBanner(result.error.message)
    void Taro.redirectTo({ url: PAGES.stationLogin })
  }

  if (signedOut) {
    return (
      <PageShell title="管理" wide>
        <LoadingState />
      </PageShell>
    )
  }
  const list = sites.state.status === 'ready' ? sites.state.data.items : []
  return (
    <PageShell title="管理" wide className="admin" elderlySwitch>
      {me.state.status === 'ready' ? <View className="admin__who">{me.state.data.displayName}（管理员）</View> : null}
      <View className="admin__card" role="group" aria-label="站点">
        <View className="admin__heading" role="heading" aria-level={2}>
          站点
        </View>
        <RemoteStatus state={sites.state} onRetry={sites.retry} />
        {sites.state.status === 'ready' ? <View className="admin__note">共 {list.length} 个站点</View> : null}
        <ActionButton className="admin-home__sites" label="站点管理" onPress={() => go(PAGES.adminSites)} />
      </View>
      <View className="admin__card" role="group" aria-label="工作人员账号">
        <View className="admin__heading" role="heading" aria-level={2}>
          工作人员账号
        </View>
        <View className="admin__note">维权站、代帮办员和市场监管的账号：新增、停用，生成微信绑定码。</View>
        <ActionButton className="admin-home__staff" label="工作人员账号" onPress={() => go(PAGES.adminStaff)} />
      </View>
      <View className="admin__card" role="group" aria-label="商户">
        <View className="admin__heading" role="heading" aria-level={2}>
          商户
        </View>
        {sites.state.status === 'ready' && !list.length ? <View className="admin__note">请先新增站点，再为站点登记商户。</View> : null}
        {list.map((site) => (
          <ActionButton
            key={site.id}
            className="admin-home__shops"
            label={`${site.name}的商户`}
            variant="secondary"
            onPress={() => go(withQuery(REGISTRY_PAGES.merchants, { site: site.id }))}
          />
        ))}
      </View>
      <View className="admin__card" role="group" aria-label="标签">
        <View className="admin__heading" role="heading" aria-level={2}>
          标签
        </View>
        <View className="admin__note">案件标签和建议标签用的关键词：新增、改名、停用。</View>
        <ActionButton className="admin-home__tags" label="标签管理" variant="secondary" onPress={() => go(PAGES.adminTags)} />
      </View>
      <View className="admin__card" role="group" aria-label="统计">
        <View className="admin__heading" role="heading" aria-level={2}>
          统计
        </View>
        <View className="admin__note">各站点的投诉统计、导出与月度、季度报表（只有汇总数字，不含案件内容）。</View>
        <ActionButton className="admin-home__stats" label="统计" variant="secondary" onPress={() => go(PAGES.stationStats)} />
      </View>
      <ErrorBanner message={banner} />
      {process.env.TARO_ENV === 'weapp' ? (
        <ActionButton label="我的账号" variant="quiet" onPress={() => go(STAFF_PAGES.bind)} />
      ) : (
        <ActionButton label="退出登录" variant="quiet" busy={leaving} busyText="正在退出…" onPress={() => void signOut()} />
      )}
    </PageShell>
  )
}
