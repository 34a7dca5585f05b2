import { View } from '@tarojs/components'
import { Disclosure } from '../../../components/disclosure'
import { EmptyState } from '../../../components/feedback'
import { basisText, type ReplyEntry } from '../../../domain/consult/reply-library'
import './consult.scss'

// The answers from the reply library, each folded under its question: the most asked before anyone
// types, the matching ones as they type (the page filters with searchReplies).
export function ReplyAnswers({ entries, emptyText }: { entries: readonly ReplyEntry[]; emptyText: string }) {
  if (entries.length === 0) return <EmptyState text={emptyText} />
  return (
    <View className="consult-answers" role="list" aria-label="常见问题">
      {entries.map((entry) => (
        <View key={entry.id} role="listitem" className="consult-answers__item">
          <Disclosure id={`faq-${entry.id}`} title={entry.question}>
            <View className="consult-answers__text">{entry.answer}</View>
            <View className="consult-answers__basis">依据：{basisText(entry.basis)}</View>
          </Disclosure>
        </View>
      ))}
    </View>
  )
}
