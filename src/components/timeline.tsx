import { View } from '@tarojs/components'
import type { TimelineEntry } from '../domain/case-view.schema'
import { EVENT_LABELS, ROLE_LABELS } from '../domain/labels'
import { formatShanghaiDateTime } from '../domain/time'
import './timeline.scss'

// What happened to a case, oldest first: event, who did it, when (Shanghai time), and the note.
// An ordered list in meaning; Taro has no <ol>, so the roles say it.
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const ordered = [...entries].sort((a, b) => a.seq - b.seq)
  return (
    <View className="timeline" role="list" aria-label="处理进度">
      {ordered.map((entry) => (
        <View className="timeline__entry" role="listitem" key={entry.seq}>
          <View className="timeline__dot" aria-hidden />
          <View className="timeline__body">
            <View className="timeline__event">
              {EVENT_LABELS[entry.type]}
              <View className="timeline__actor">{ROLE_LABELS[entry.actorRole]}</View>
            </View>
            <View className="timeline__time">{formatShanghaiDateTime(entry.at)}</View>
            {entry.note ? (
              <View className={`timeline__note ${entry.type === 'answered' ? 'timeline__note--offer' : ''}`}>
                {/* the note of an answer IS the merchant's offer: say so, it is what the consumer decides on */}
                {entry.type === 'answered' ? <View className="timeline__note-label">商家方案</View> : null}
                {entry.note}
              </View>
            ) : null}
          </View>
        </View>
      ))}
    </View>
  )
}
