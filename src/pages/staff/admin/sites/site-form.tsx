import { useState } from 'react'
import { call } from '../../../../api'
import { AdminEditForm, useAdminSave } from '../../../../components/admin-edit-form'
import { TextField } from '../../../../components/text-field'
import type { ActionOutput } from '../../../../domain/api/contract'

// A site's name, address, consultation hotline and (for the regulator's contacts) its area, new or
// edited. The gateway checks the server's own schema before sending, so each Chinese message
// (请填写站点名称, 站点名称不能超过60字, …) lands under its field; the server checks again.
export type SiteView = ActionOutput<'staff', 'listSites'>['items'][number]
type Key = 'name' | 'address' | 'hotline' | 'areaId'

interface Props {
  /** null: a new site */
  site: SiteView | null
  onSaved: (site: SiteView) => void
  onCancel: () => void
}

export function SiteForm({ site, onSaved, onCancel }: Props) {
  const [text, setText] = useState<Record<Key, string>>({
    name: site?.name ?? '',
    address: site?.address ?? '',
    hotline: site?.hotline ?? '',
    areaId: site?.areaId ?? '',
  })
  const { errors, banner, busy, save, clearError } = useAdminSave(onSaved)
  const edit = (key: Key) => (value: string) => {
    setText((all) => ({ ...all, [key]: value }))
    clearError(key)
  }
  const submit = () =>
    call('staff', 'saveSite', {
      ...(site ? { id: site.id } : {}),
      name: text.name,
      address: text.address,
      hotline: text.hotline,
      ...(text.areaId.trim() ? { areaId: text.areaId } : {}),
    })

  return (
    <AdminEditForm
      title={site ? `编辑站点：${site.name}` : '新增站点'}
      className="admin-sites__form"
      saveLabel="保存站点"
      busy={busy}
      banner={banner}
      onSave={() => void save(submit)}
      onCancel={onCancel}
    >
      <TextField name="name" label="站点名称" value={text.name} onChange={edit('name')} maxlength={60} error={errors.name} />
      <TextField
        name="address"
        label="地址"
        value={text.address}
        onChange={edit('address')}
        maxlength={120}
        error={errors.address}
        optional
      />
      <TextField
        name="hotline"
        label="咨询电话"
        value={text.hotline}
        onChange={edit('hotline')}
        maxlength={40}
        error={errors.hotline}
        optional
        inputMode="tel"
        hint="消费者在回执上看到的电话"
      />
      <TextField
        name="areaId"
        label="辖区编号"
        value={text.areaId}
        onChange={edit('areaId')}
        maxlength={64}
        error={errors.areaId}
        optional
        hint="市场监管按辖区设置通知联系人时使用"
      />
    </AdminEditForm>
  )
}
