import { View } from '@tarojs/components'
import type { CaseDetail } from '../domain/case-view.schema'
import { OUTCOME_LABELS } from '../domain/workflow/outcomes'
import { InfoBlock } from './info-block'
import './case-progress.scss'

// Where the case goes from here, said first and large: what to expect next (from the server, in
// plain words), how it ended when it is closed (closed never means resolved: the outcome says how),
// and the merchant's offer while it waits for an answer.

/** The newest offer: the note of the last 'answered' event. */
export function latestOffer(detail: CaseDetail): string | null {
  const answers = detail.timeline.filter((e) => e.type === 'answered' && e.note).sort((a, b) => b.seq - a.seq)
  return answers[0]?.note ?? null
}

export function CaseProgress({ detail }: { detail: CaseDetail }) {
  const offer = detail.status === 'merchant_answered' ? latestOffer(detail) : null
  return (
    <>
      {detail.nextStep ? (
        <View className="case-progress__next">
          <View className="case-progress__label">下一步</View>
          <View className="case-progress__next-text">{detail.nextStep}</View>
        </View>
      ) : null}
      {detail.outcome ? (
        <InfoBlock label="处理结果" tone="accent" className="case-progress__outcome">
          <View className="case-progress__big">{OUTCOME_LABELS[detail.outcome]}</View>
        </InfoBlock>
      ) : null}
      {offer ? (
        <InfoBlock label="商家方案" className="case-progress__offer">
          <View className="case-progress__big">{offer}</View>
        </InfoBlock>
      ) : null}
    </>
  )
}
