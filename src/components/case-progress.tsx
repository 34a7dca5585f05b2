import { View } from '@tarojs/components'
import type { CaseDetail } from '../domain/case-view.schema'
import { OUTCOME_LABELS } from '../domain/workflow/outcomes'
import { InfoBlock } from './info-block'
import { AgreementCard, latestAgreement } from './agreement-card'
import { OfferCard, acceptedOffer, latestAnswer } from './offer-card'
import './case-progress.scss'

// Where the case goes from here, said first and large: what to expect next (from the server, in
// plain words), how it ended when it is closed (closed never means resolved: the outcome says how),
// the merchant's answer while it waits for the shopper's decision — and, once decided, the offer the
// shopper accepted or the agreement reached in mediation, which both parties keep seeing.
export function CaseProgress({ detail }: { detail: CaseDetail }) {
  const answer = detail.status === 'merchant_answered' ? latestAnswer(detail) : null
  const accepted = answer ? null : acceptedOffer(detail)
  const agreement = latestAgreement(detail)
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
      {answer ? <OfferCard entry={answer} /> : null}
      {accepted ? <OfferCard entry={accepted} accepted /> : null}
      {agreement ? <AgreementCard details={agreement} /> : null}
    </>
  )
}
