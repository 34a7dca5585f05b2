import { useEffect, useState } from 'react'
import { call } from '../../../api'
import { SelectField } from '../../../components/select-field'
import type { TagView } from '../../../domain/tags/tags-api'

// The board's 标签 filter (docs/tags.md): the active tags, by name; only cases whose tags staff
// confirmed match (a proposal does not). The list is read once; a tag disabled meanwhile simply
// finds fewer cases. Until the list arrives (or if it cannot be read) only 全部 is offered.
const ALL = '全部'

interface Props {
  value: string | undefined
  onChange: (tag: string | undefined) => void
}

export function BoardTagFilter({ value, onChange }: Props) {
  const [tags, setTags] = useState<TagView[]>([])
  useEffect(() => {
    let live = true
    void call('station', 'listTags', {}).then((r) => {
      if (live && r.ok) setTags(r.data.tags)
    })
    return () => {
      live = false
    }
  }, [])
  const chosen = tags.find((t) => t.id === value)
  return (
    <SelectField
      name="board-tag"
      label="标签"
      value={chosen?.name ?? ALL}
      options={[ALL, ...tags.map((t) => t.name)]}
      placeholder="请选择"
      onChange={(name) => onChange(tags.find((t) => t.name === name)?.id)}
    />
  )
}
