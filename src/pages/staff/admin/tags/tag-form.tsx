import { View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../../../api'
import { ActionButton } from '../../../../components/action-button'
import { ErrorBanner } from '../../../../components/feedback'
import { TextField } from '../../../../components/text-field'
import type { FieldErrors } from '../../../../domain/errors'
import type { TagView } from '../../../../domain/tags/tags-api'
import { scrollToField } from '../../../../hooks/scroll-to-field'

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
  const [errors, setErrors] = useState<FieldErrors>({})
  const [banner, setBanner] = useState('')
  const [busy, setBusy] = useState(false)

  const save = async () => {
    if (busy) return
    setBanner('')
    setBusy(true)
    const result = await call('staff', 'saveTag', {
      ...(tag ? { id: tag.id } : {}),
      name,
      phrases: splitPhrases(phrases),
      active: tag?.active ?? true,
    })
    setBusy(false)
    if (result.ok) return onSaved(result.data)
    // a keyword's own problem arrives as phrases.3: shown under the one keywords field
    const fields = Object.fromEntries(Object.entries(result.error.fields ?? {}).map(([k, v]) => [k.split('.')[0], v]))
    setErrors(fields)
    const first = Object.keys(fields)[0]
    if (first) scrollToField(first)
    else setBanner(result.error.message)
  }

  const title = tag ? `编辑标签：${tag.name}` : '新增标签'
  return (
    <View className="admin__card" role="group" aria-label={title}>
      <View className="admin__heading" role="heading" aria-level={2}>
        {title}
      </View>
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
      <ErrorBanner message={banner} />
      <View className="admin__buttons">
        <ActionButton label="保存标签" busy={busy} busyText="正在保存…" onPress={() => void save()} />
        <ActionButton label="取消" variant="secondary" onPress={onCancel} />
      </View>
    </View>
  )
}
