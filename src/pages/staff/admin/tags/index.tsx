import { useCallback, useState } from 'react'
import { call } from '../../../../api'
import { ActionButton } from '../../../../components/action-button'
import { AdminListPage, useAdminEditing } from '../../../../components/admin-list-page'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import type { TagView } from '../../../../domain/tags/tags-api'
import { useRemote } from '../../../../hooks/use-remote'
import { TagForm } from './tag-form'
import '../admin.scss'

// 标签管理 (docs/tags.md): every tag with its keywords; 新增标签, 编辑 (name and keywords) in place, and
// 停用 / 启用. Nothing is deleted: a disabled tag stays on the cases that carry it and is no longer
// proposed or offered. Disabling asks first (docs/confirmations-and-landing.md), enabling too.
const CONSEQUENCE = {
  disable: '停用后，新投诉不再建议这个标签，工作人员也不能再选它；已经加上这个标签的案件保留原样。之后可以重新启用。',
  enable: '启用后，新投诉会再次按关键词建议这个标签，工作人员也可以选它。',
}

export default function AdminTags() {
  const load = useCallback(() => call('staff', 'listAllTags', {}), [])
  const remote = useRemote(load, { refreshOnShow: true })
  const editing = useAdminEditing<TagView>()
  const [asking, setAsking] = useState<TagView | null>(null)
  const [busy, setBusy] = useState(false)
  const [banner, setBanner] = useState('')

  const setActive = async (tag: TagView, active: boolean) => {
    setBusy(true)
    const r = await call('staff', 'saveTag', { id: tag.id, name: tag.name, phrases: tag.phrases, active })
    setBusy(false)
    setAsking(null)
    if (!r.ok) return setBanner(r.error.message)
    editing.say(active ? `已启用标签“${tag.name}”。` : `已停用标签“${tag.name}”。`)
    void remote.reload()
  }
  return (
    <AdminListPage
      title="标签管理"
      className="admin-tags"
      remote={remote}
      editing={editing}
      banner={banner}
      form={(tag) => (
        <TagForm
          tag={tag}
          onCancel={editing.cancel}
          onSaved={(saved) => {
            editing.saved(`已保存标签“${saved.name}”。`)
            void remote.reload()
          }}
        />
      )}
      newLabel="新增标签"
      items={(data) => data.tags}
      listLabel="标签列表"
      row={(tag) => ({
        title: (
          <>
            {tag.name}
            {tag.active ? '' : '（已停用）'}
          </>
        ),
        meta: tag.phrases.length ? `关键词：${tag.phrases.join('、')}` : '没有关键词，不会自动建议',
        buttons: (
          <>
            <ActionButton label={`编辑 ${tag.name}`} text="编辑" variant="secondary" onPress={() => editing.edit(tag)} />
            <ActionButton
              label={`${tag.active ? '停用' : '启用'} ${tag.name}`}
              text={tag.active ? '停用' : '启用'}
              variant="secondary"
              onPress={() => {
                editing.say('')
                setAsking(tag)
              }}
            />
          </>
        ),
      })}
    >
      {asking ? (
        <ConfirmDialog
          title={asking.active ? `停用标签“${asking.name}”？` : `启用标签“${asking.name}”？`}
          message={asking.active ? CONSEQUENCE.disable : CONSEQUENCE.enable}
          confirmLabel={asking.active ? '确认停用' : '确认启用'}
          busy={busy}
          onConfirm={() => void setActive(asking, !asking.active)}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </AdminListPage>
  )
}
