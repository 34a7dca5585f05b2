import { View } from '@tarojs/components'
import type { CaseDetail, TimelineEntry } from '../domain/case-view.schema'
import { formatFen } from '../domain/money'
import { REMEDY_LABELS } from '../domain/workflow/event-details'
import { AttachmentThumbs } from './attachment-thumbs'
import { InfoBlock } from './info-block'
import './offer-card.scss'

// The merchant's answer while the shopper decides on it, said plainly: what the shop offers
// (退款 128元), what it adds, and its photos — or that it does not agree, and why. Shown to every
// viewer of the case, right above the steps (接受 / 不接受) it is about.

/** The newest answer of the shop (a case reopened once may have two). */
export function latestAnswer(detail: CaseDetail): TimelineEntry | null {
  const answers = detail.timeline.filter((e) => e.type === 'answered').sort((a, b) => b.seq - a.seq)
  return answers[0] ?? null
}

function Line({ label, children }: { label: string; children: string }) {
  return (
    <View className="offer-card__line">
      <View className="offer-card__key">{label}</View>
      <View className="offer-card__value">{children}</View>
    </View>
  )
}

/** The shop's offer the shopper accepted, if any: it stays in view after acceptance (issue 16). */
export function acceptedOffer(detail: CaseDetail): TimelineEntry | null {
  const answer = latestAnswer(detail)
  const taken = answer && detail.timeline.some((e) => e.type === 'offer_accepted' && e.seq > answer.seq)
  return taken ? answer : null
}

export function OfferCard({ entry, accepted = false }: { entry: TimelineEntry; accepted?: boolean }) {
  const label = accepted ? '已接受的商家方案' : '商家方案'
  const details = entry.details
  const photos = <AttachmentThumbs items={entry.attachments} label="商家方案的照片" />
  if (details?.kind === 'refusal') {
    return (
      <InfoBlock label="商家答复" className="case-progress__offer offer-card offer-card--refusal">
        <View className="offer-card__headline">商家不同意您的诉求</View>
        <Line label="理由">{details.note}</Line>
        {photos}
      </InfoBlock>
    )
  }
  if (details?.kind === 'offer') {
    return (
      <InfoBlock label={label} className="case-progress__offer offer-card">
        <View className="offer-card__headline">
          {REMEDY_LABELS[details.remedy]}
          {details.amountFen ? <View className="offer-card__amount">{formatFen(details.amountFen)}</View> : null}
        </View>
        {details.note ? <Line label="说明">{details.note}</Line> : null}
        {photos}
      </InfoBlock>
    )
  }
  // an answer written before offers had their own fields: its note was the offer
  return entry.note ? (
    <InfoBlock label={label} className="case-progress__offer offer-card">
      <View className="offer-card__headline">{entry.note}</View>
      {photos}
    </InfoBlock>
  ) : null
}
