import { useState } from 'react'
import { call } from '../../../../api'
import { AdminEditForm, useAdminSave } from '../../../../components/admin-edit-form'
import { TextField } from '../../../../components/text-field'
import type { TagView } from '../../../../domain/tags/tags-api'

// A tag's name and its keywords (关键词), new or edited. The keywords are what proposes the tag from a
// complaint's text (docs/tags.md), typed one per line or separated by 、，, or spaces.
interface Props {
  /** null: a new tag */
  tag: TagView | null
  onSaved: (tag: TagView) => void
  onCancel: () => void
}

export const splitPhrases = (text: string) =>
  text
    .split(/[\n,，、;；\s]+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)

export function TagForm({ tag, onSaved, onCancel }: Props) {
  const [name, setName] = useState(tag?.name ?? '')
  const [phrases, setPhrases] = useState(tag?.phrases.join('、') ?? '')
  // a keyword's own problem (phrases.3) is shown under the one keywords field: useAdminSave does that
  const { errors, banner, busy, save } = useAdminSave(onSaved)
  const submit = () =>
    call('staff', 'saveTag', {
      ...(tag ? { id: tag.id } : {}),
      name,
      phrases: splitPhrases(phrases),
      active: tag?.active ?? true,
    })

  return (
    <AdminEditForm
      title={tag ? `编辑标签：${tag.name}` : '新增标签'}
      saveLabel="保存标签"
      busy={busy}
      banner={banner}
      onSave={() => void save(submit)}
      onCancel={onCancel}
    >
      <TextField name="name" label="标签名称" value={name} onChange={setName} maxlength={12} error={errors.name} />
      <TextField
        name="phrases"
        label="关键词"
        value={phrases}
        onChange={setPhrases}
        maxlength={800}
        error={errors.phrases}
        optional
        hint="投诉内容含有其中任一词语时，系统会建议这个标签；词语之间用顿号或空格隔开"
      />
    </AdminEditForm>
  )
}
