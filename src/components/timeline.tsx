import { Text, View } from '@tarojs/components'
import type { TimelineEntry } from '../domain/case-view.schema'
import type { CaseKind } from '../domain/case.schema'
import { ROLE_LABELS } from '../domain/labels'
import { eventWords } from '../domain/workflow/event-wording'
import { formatShanghaiDateTime } from '../domain/time'
import { AttachmentThumbs } from './attachment-thumbs'
import './timeline.scss'

// What happened to a case, oldest first: event, who did it, when (Shanghai time), what the step
// carried (the server's one-sentence detailText: the offer, the rating, the return-visit answers,
// the new deadline), the reason written with it, and its files. Every role sees the same story.
// An ordered list in meaning; Taro has no <ol>, so the roles say it.

/** The entries whose details are what someone decided on: set apart from the plain notes. */
const HIGHLIGHTED = new Set(['answered', 'rated', 'return_visited'])

export function Timeline({ entries, kind }: { entries: TimelineEntry[]; kind?: CaseKind }) {
  const ordered = [...entries].sort((a, b) => a.seq - b.seq)
  return (
    <View className="timeline" role="list" aria-label="处理进度">
      {ordered.map((entry) => {
        const event = eventWords(entry, kind) // words from what happened (event-wording.ts)
        // an answer written before offers had fields: its note was the offer
        const legacyOffer = entry.type === 'answered' && !entry.detailText && !!entry.note
        return (
          <View className="timeline__entry" role="listitem" key={entry.seq}>
            <View className="timeline__dot" aria-hidden />
            <View className="timeline__body">
              <View className="timeline__event">
                {event}
                <View className="timeline__actor">{ROLE_LABELS[entry.actorRole]}</View>
              </View>
              <View className="timeline__time">{formatShanghaiDateTime(entry.at)}</View>
              {entry.detailText || legacyOffer ? (
                <View
                  className={`timeline__detail ${HIGHLIGHTED.has(entry.type) ? 'timeline__detail--key' : ''} ${entry.type === 'answered' ? 'timeline__note--offer' : ''}`}
                >
                  {entry.detailText ?? `商家方案：${entry.note}`}
                </View>
              ) : null}
              {entry.note && !legacyOffer ? (
                <View className="timeline__note">
                  <Text className="timeline__note-label">{HIGHLIGHTED.has(entry.type) ? '说明：' : '原因：'}</Text>
                  {entry.note}
                </View>
              ) : null}
              <AttachmentThumbs items={entry.attachments} label={`${event}的附件`} />
            </View>
          </View>
        )
      })}
    </View>
  )
}
