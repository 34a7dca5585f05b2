import { View } from '@tarojs/components'
import { shanghaiParts } from '../domain/time'
import { activateProps } from '../hooks/use-activate'
import type { InboxItem } from '../hooks/use-inbox'

// One message: title, when (Shanghai time), the words, and a visible 未读 tag — not colour alone,
// and it is in the link's name too. The whole card is the link to the case it is about.
const pad = (n: number) => String(n).padStart(2, '0')

/** "11月22日 14:05"; a message from an earlier year names the year too. */
export function formatInboxTime(instant: string, now: Date = new Date()): string {
  const p = shanghaiParts(instant)
  const year = p.year === shanghaiParts(now).year ? '' : `${p.year}年`
  return `${year}${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}`
}

interface Props {
  item: InboxItem
  onOpen: (item: InboxItem) => void
}

export function InboxEntry({ item, onOpen }: Props) {
  const unread = item.readAt === null
  const when = formatInboxTime(item.createdAt)
  const words = item.body.split('\n').join(' ')
  return (
    <View
      className={`inbox-entry ${unread ? 'inbox-entry--unread' : ''}`}
      role="link"
      tabIndex={0}
      aria-label={`${unread ? '未读，' : ''}${item.title}，${when}，${words}`}
      hoverClass="inbox-entry--pressed"
      {...activateProps(() => onOpen(item), 'link')}
    >
      <View className="inbox-entry__top">
        <View className="inbox-entry__title">{item.title}</View>
        {unread ? <View className="inbox-entry__tag">未读</View> : null}
      </View>
      <View className="inbox-entry__time">{when}</View>
      <View className="inbox-entry__body">{item.body}</View>
    </View>
  )
}
