import { decided, onTime, type ClockResult } from './clock-result'
import type { CaseFacts } from './case-facts'
import { rateOf, type Rate } from './rate'

// The promises about answering (docs/domain.md "The clocks"). Each rate is
//   numerator   = cases whose clock was kept on time (met)
//   denominator = cases whose clock was decided: met + kept late + missed
// A clock made moot before its due time (the shopper withdrew, the case went elsewhere, the station
// stepped in before the shop's 45 minutes were up) and a clock still running are in neither part.
//
// - 24 小时响应率 (response24h), clock first_answer: kept by accepted / rejected / transferred within 24 hours.
//   Seeds: 95 % and above, 100 % required.
// - 按时初查率 (initialCheck), clock initial_review: the station's first decision (or stepping in to
//   mediate) within 1 hour of receipt.
// - 商家 45 分钟响应率 (merchant45), clock merchant_response: only the shop's own answer keeps it; the
//   escalation the tick writes when it runs out is the miss.
// - 90 分钟到场率 (onSite90), clock on_site: only a check-in keeps it; it starts only where someone
//   asked for on-site handling or a fast-track dispatch, so most cases are not in it.
export interface ResponseCounters {
  response24hMet: number
  response24hDue: number
  initialCheckMet: number
  initialCheckDue: number
  merchant45Met: number
  merchant45Due: number
  onSite90Met: number
  onSite90Due: number
}

export interface ResponseMetrics {
  response24h: Rate
  initialCheck: Rate
  merchant45: Rate
  onSite90: Rate
}

const one = (yes: boolean) => (yes ? 1 : 0)
export const clockCounts = (r: ClockResult): [met: number, due: number] => [one(onTime(r)), one(decided(r))]

export function countResponse(f: CaseFacts): ResponseCounters {
  const [response24hMet, response24hDue] = clockCounts(f.clocks.first_answer)
  const [initialCheckMet, initialCheckDue] = clockCounts(f.clocks.initial_review)
  const [merchant45Met, merchant45Due] = clockCounts(f.clocks.merchant_response)
  const [onSite90Met, onSite90Due] = clockCounts(f.clocks.on_site)
  return { response24hMet, response24hDue, initialCheckMet, initialCheckDue, merchant45Met, merchant45Due, onSite90Met, onSite90Due }
}

export const readResponse = (c: ResponseCounters): ResponseMetrics => ({
  response24h: rateOf(c.response24hMet, c.response24hDue),
  initialCheck: rateOf(c.initialCheckMet, c.initialCheckDue),
  merchant45: rateOf(c.merchant45Met, c.merchant45Due),
  onSite90: rateOf(c.onSite90Met, c.onSite90Due),
})
