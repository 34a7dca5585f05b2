import { View } from '@tarojs/components'
import type { CaseDetail } from '../domain/case-view.schema'
import { formatFen } from '../domain/money'
import { formatPerformBy, type EventDetails } from '../domain/workflow/event-details'
import { InfoBlock } from './info-block'
import './offer-card.scss'

// 调解协议: what the shopper and the shop agreed at the station, as 调解成功 recorded it — shown to
// both of them (and the station) for as long as the case exists, since the shop must perform it.
type Agreement = Extract<EventDetails, { kind: 'agreement' }>

/** The agreement of the newest 调解成功 (a case reopened once may have two). */
export function latestAgreement(detail: CaseDetail): Agreement | null {
  const mediated = detail.timeline.filter((e) => e.type === 'mediated').sort((a, b) => b.seq - a.seq)[0]
  return mediated?.details?.kind === 'agreement' ? mediated.details : null
}

export function AgreementCard({ details }: { details: Agreement }) {
  return (
    <InfoBlock label="调解协议" className="case-progress__offer offer-card agreement-card">
      <View className="offer-card__headline">{details.terms}</View>
      {details.amountFen ? (
        <View className="offer-card__line">
          <View className="offer-card__key">金额</View>
          <View className="offer-card__value">{formatFen(details.amountFen)}</View>
        </View>
      ) : null}
      <View className="offer-card__line">
        <View className="offer-card__key">履行期限</View>
        <View className="offer-card__value">{formatPerformBy(details.performBy)}前</View>
      </View>
    </InfoBlock>
  )
}
