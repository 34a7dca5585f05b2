import { View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { TextField } from '../../../components/text-field'
import type { StatsQuery } from '../../../domain/metrics/stats-query.schema'
import { STATS_UNIT_LABELS } from '../../../domain/metrics/stats-query.schema'

// 保存的查询: the current conditions saved under a name, and the caller's own list — open one, or delete
// it after saying yes (a deleted query cannot be brought back).
export interface SavedItem {
  id: string
  name: string
  query: StatsQuery
}

interface Props {
  items: readonly SavedItem[]
  nameError?: string
  busy: boolean
  onSave: (name: string) => Promise<boolean>
  onOpen: (item: SavedItem) => void
  onDelete: (item: SavedItem) => Promise<void>
}

const summary = (q: StatsQuery) =>
  [`${q.from} 至 ${q.to}`, STATS_UNIT_LABELS[q.unit], q.industry, q.problemType].filter((x): x is string => !!x).join('，')

export function SavedQueries({ items, nameError, busy, onSave, onOpen, onDelete }: Props) {
  const [name, setName] = useState('')
  const [confirming, setConfirming] = useState('')
  const save = async () => {
    if (await onSave(name)) setName('')
  }
  return (
    <View className="stats-card stats-saved">
      <View className="stats-card__title" role="heading" aria-level={2}>
        保存的查询
      </View>
      <TextField
        name="saveName"
        label="给当前查询起个名字"
        value={name}
        onChange={setName}
        maxlength={30}
        error={nameError}
        hint="同名保存会替换原来的"
      />
      <ActionButton label="保存当前查询" variant="secondary" busy={busy} onPress={() => void save()} />
      {items.length === 0 ? <View className="stats-card__note">还没有保存的查询。</View> : null}
      {items.map((item) => (
        <View key={item.id} className="stats-saved__item" role="group" aria-label={item.name}>
          <View className="stats-saved__name">{item.name}</View>
          <View className="stats-card__note">{summary(item.query)}</View>
          {confirming === item.id ? (
            <View className="stats-saved__confirm">
              <View className="stats-saved__ask">确定删除“{item.name}”？删除后不能恢复。</View>
              <ActionButton label="取消" variant="secondary" onPress={() => setConfirming('')} />
              <ActionButton
                label={`确认删除 ${item.name}`}
                text="确认删除"
                busy={busy}
                onPress={() => void onDelete(item).then(() => setConfirming(''))}
              />
            </View>
          ) : (
            <View className="stats-saved__actions">
              <ActionButton label={`打开 ${item.name}`} text="打开" onPress={() => onOpen(item)} />
              <ActionButton label={`删除 ${item.name}`} text="删除" variant="secondary" onPress={() => setConfirming(item.id)} />
            </View>
          )}
        </View>
      ))}
    </View>
  )
}
