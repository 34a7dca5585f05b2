import { View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { call } from '../../../../api'
import { ActionButton } from '../../../../components/action-button'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { ErrorBanner, LoadingState } from '../../../../components/feedback'
import { PageShell } from '../../../../components/page-shell'
import { RemoteStatus } from '../../../../components/remote-status'
import type { TagView } from '../../../../domain/tags/tags-api'
import { useRemote } from '../../../../hooks/use-remote'
import { useSignedOutRedirect } from '../../../../hooks/use-signed-out-redirect'
import { PAGES } from '../../../routes'
import { backTo } from '../../../station/merchants/paths'
import { TagForm } from './tag-form'
import '../admin.scss'

// 标签管理 (docs/tags.md): every tag with its keywords; 新增标签, 编辑 (name and keywords) in place, and
// 停用 / 启用. Nothing is deleted: a disabled tag stays on the cases that carry it and is no longer
// proposed or offered. Disabling asks first (docs/confirmations-and-landing.md), enabling too.
type Editing = { tag: TagView | null } | null

const CONSEQUENCE = {
  disable: '停用后，新投诉不再建议这个标签，工作人员也不能再选它；已经加上这个标签的案件保留原样。之后可以重新启用。',
  enable: '启用后，新投诉会再次按关键词建议这个标签，工作人员也可以选它。',
}

export default function AdminTags() {
  const load = useCallback(() => call('staff', 'listAllTags', {}), [])
  const { state, retry, reload } = useRemote(load, { refreshOnShow: true })
  const signedOut = useSignedOutRedirect(state)
  const [editing, setEditing] = useState<Editing>(null)
  const [asking, setAsking] = useState<TagView | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState('')
  const [banner, setBanner] = useState('')

  if (signedOut || state.status === 'loading') {
    return (
      <PageShell title="标签管理" wide>
        <LoadingState />
      </PageShell>
    )
  }
  const setActive = async (tag: TagView, active: boolean) => {
    setBusy(true)
    const r = await call('staff', 'saveTag', { id: tag.id, name: tag.name, phrases: tag.phrases, active })
    setBusy(false)
    setAsking(null)
    if (!r.ok) return setBanner(r.error.message)
    setDone(active ? `已启用标签“${tag.name}”。` : `已停用标签“${tag.name}”。`)
    void reload()
  }
  const tags = state.status === 'ready' ? state.data.tags : []
  return (
    <PageShell title="标签管理" wide className="admin-tags" elderlySwitch>
      <RemoteStatus state={state} onRetry={retry} />
      {done ? (
        <View className="admin__done" role="status">
          {done}
        </View>
      ) : null}
      <ErrorBanner message={banner} />
      {editing ? (
        <TagForm
          key={editing.tag?.id ?? 'new'}
          tag={editing.tag}
          onCancel={() => setEditing(null)}
          onSaved={(tag) => {
            setEditing(null)
            setDone(`已保存标签“${tag.name}”。`)
            void reload()
          }}
        />
      ) : (
        <ActionButton
          label="新增标签"
          onPress={() => {
            setDone('')
            setEditing({ tag: null })
          }}
        />
      )}
      {state.status === 'ready' ? (
        <View className="admin__card" role="list" aria-label="标签列表">
          {tags.map((tag) => (
            <View key={tag.id} className="admin__row" role="listitem">
              <View className="admin__row-title">
                {tag.name}
                {tag.active ? '' : '（已停用）'}
              </View>
              <View className="admin__row-meta">
                {tag.phrases.length ? `关键词：${tag.phrases.join('、')}` : '没有关键词，不会自动建议'}
              </View>
              <View className="admin__buttons">
                <ActionButton
                  label={`编辑 ${tag.name}`}
                  text="编辑"
                  variant="secondary"
                  onPress={() => {
                    setDone('')
                    setEditing({ tag })
                  }}
                />
                <ActionButton
                  label={`${tag.active ? '停用' : '启用'} ${tag.name}`}
                  text={tag.active ? '停用' : '启用'}
                  variant="secondary"
                  onPress={() => {
                    setDone('')
                    setAsking(tag)
                  }}
                />
              </View>
            </View>
          ))}
        </View>
      ) : null}
      <ActionButton label="返回管理" variant="quiet" onPress={() => backTo(PAGES.adminHome)} />
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
    </PageShell>
  )
}
