import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { call } from '../../../../api'
import { ActionButton } from '../../../../components/action-button'
import { AdminListPage, useAdminEditing } from '../../../../components/admin-list-page'
import { useRemote } from '../../../../hooks/use-remote'
import { PAGES, withQuery } from '../../../routes'
import { REGISTRY_PAGES } from '../../../station/merchants/paths'
import { SiteForm, type SiteView } from './site-form'
import '../admin.scss'

// 站点管理: every site, a form to add one or edit one in place, and from each site its staff
// accounts and its shops. Sites are never deleted here: cases and shops keep pointing at them.
export default function AdminSites() {
  const load = useCallback(() => call('staff', 'listSites', {}), [])
  const remote = useRemote(load, { refreshOnShow: true })
  const editing = useAdminEditing<SiteView>()
  const go = (url: string) => void Taro.navigateTo({ url })

  return (
    <AdminListPage
      title="站点管理"
      className="admin-sites"
      remote={remote}
      editing={editing}
      form={(site) => (
        <SiteForm
          site={site}
          onCancel={editing.cancel}
          onSaved={(saved) => {
            editing.saved(`已保存站点“${saved.name}”。`)
            void remote.reload()
          }}
        />
      )}
      newLabel="新增站点"
      items={(data) => data.items}
      listLabel="站点列表"
      emptyText="还没有站点，请先新增一个站点"
      row={(site) => ({
        title: site.name,
        meta:
          [site.address, site.hotline && `电话 ${site.hotline}`, site.areaId && `辖区 ${site.areaId}`].filter(Boolean).join(' · ') ||
          '未填地址和电话',
        buttons: (
          <>
            <ActionButton label={`编辑 ${site.name}`} text="编辑" variant="secondary" onPress={() => editing.edit(site)} />
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
          </>
        ),
      })}
    />
  )
}
