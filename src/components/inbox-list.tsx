import { View } from '@tarojs/components'
import type { InboxItem } from '../hooks/use-inbox'
import { ActionButton } from './action-button'
import { EmptyState } from './feedback'
import { InboxEntry } from './inbox-entry'
import './inbox-list.scss'

// A role's messages, newest first, with list semantics (Taro has no <ul>), the unread count said
// in words, and 全部标为已读 while anything is unread. Empty: one plain sentence of what will come.
interface Props {
  items: InboxItem[]
  unread: number
  emptyText: string
  onOpen: (item: InboxItem) => void
  onMarkAll: () => void
  markingAll: boolean
}

export function InboxList({ items, unread, emptyText, onOpen, onMarkAll, markingAll }: Props) {
  if (items.length === 0) return <EmptyState text={emptyText} />
  return (
    <View className="inbox-list">
      <View className="inbox-list__bar">
        <View className="inbox-list__count" role="status">
          {unread > 0 ? `${unread}条未读` : '全部已读'}
        </View>
        {unread > 0 ? (
          <ActionButton
            className="inbox-list__all"
            label="全部标为已读"
            variant="secondary"
            busy={markingAll}
            busyText="正在标记…"
            onPress={onMarkAll}
          />
        ) : null}
      </View>
      <View role="list" aria-label="消息列表">
        {items.map((item) => (
          <View className="inbox-list__item" role="listitem" key={item.id}>
            <InboxEntry item={item} onOpen={onOpen} />
          </View>
        ))}
      </View>
    </View>
  )
}
