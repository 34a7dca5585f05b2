import type { Case, CaseEvent } from '../case.schema'
import type { CaseClock } from '../clocks/case-clock'
import type { ClockId } from '../clocks/clock-rules'
import { filedByStaff } from '../intake-channel'
import type { OutcomeCode } from '../workflow/outcomes'
import { clockResult, type ClockResult } from './clock-result'
import type { DimensionValues } from './dimensions'
import { dayOf, slotOf, type Day } from './period'

// Everything the statistics need to know about one case, read once from the case row, its timeline
// and its clock rows. The figures never look at a case directly: they count CaseFacts, so the same
// counting serves a direct answer and the daily rollup (rollup.ts). Read-only, and no personal data:
// the filer is kept only as a key the caller derived (a salted hash), and only to count repeats.
export const COUNTED_CLOCKS = [
  'first_answer',
  'initial_review',
  'accept_decision',
  'merchant_response',
  'on_site',
  'completion',
  'mediation',
  'return_visit',
] as const satisfies readonly ClockId[]
export type CountedClock = (typeof COUNTED_CLOCKS)[number]

export interface Rating {
  readonly speed: number
  readonly professionalism: number
  readonly attitude: number
  readonly satisfied: boolean
}

export interface CaseFacts {
  readonly caseId: string
  /** the Beijing day the case reached us (receivedAt, else createdAt): every figure of the case counts there */
  readonly day: Day
  /** the Beijing weekday and hour it reached us, "1-09" (period.ts slotOf): the heat map's cell */
  readonly slot: string
  readonly dims: DimensionValues
  /** a salted hash of the filer; null when staff or a proxy desk filed (their subject is not the person's) */
  readonly filerKey: string | null
  readonly clocks: Readonly<Record<CountedClock, ClockResult>>
  /** the outcome of the closure, while the case is closed (a reopened case has none until it closes again) */
  readonly outcome: OutcomeCode | null
  readonly withdrawn: boolean
  readonly reopened: boolean
  /** the station accepted it (the completion clock started) */
  readonly accepted: boolean
  readonly extended: boolean
  /** one per closure the shopper rated */
  readonly ratings: readonly Rating[]
  /** 挽回经济损失, in fen: accepted offers plus mediation agreements (money.ts) */
  readonly moneyFen: number
  /**
   * the tags staff confirmed on the case (标签, docs/tags.md), each once; proposals are not here. Only the
   * tag cube reads them (cubes.ts month_tag): a case counts once under each of its tags.
   */
  readonly tags: readonly string[]
}

export interface FactsOptions {
  /** the instant the figures are taken at: a clock still running past its due time then counts as missed */
  asOf: Date
  /** the caller's salted hash of a filer subject (the domain holds no secret and no hash function) */
  filerKey: (subject: string) => string
  /** the case's confirmed tags (the case_tags record's `confirmed`; none when staff never confirmed) */
  tags?: readonly string[]
}

const has = (events: readonly CaseEvent[], type: CaseEvent['type']) => events.some((e) => e.type === type)

/** What the accepted offers and the mediation agreements of a timeline promised the shopper, in fen. */
export function moneyRecoveredFen(events: readonly CaseEvent[]): number {
  const ordered = [...events].sort((a, b) => a.seq - b.seq)
  let lastOfferFen = 0
  let total = 0
  for (const e of ordered) {
    if (e.type === 'answered') lastOfferFen = e.details?.kind === 'offer' ? (e.details.amountFen ?? 0) : 0
    if (e.type === 'offer_accepted') total += lastOfferFen
    if (e.type === 'mediated' && e.details?.kind === 'agreement') total += e.details.amountFen ?? 0
  }
  return total
}

export function caseFactsOf(c: Case, events: readonly CaseEvent[], clocks: readonly CaseClock[], options: FactsOptions): CaseFacts {
  const own = events.filter((e) => e.caseId === c.id)
  const byStaff = c.channel === 'proxy' || filedByStaff(c.channel)
  const ratings = own.flatMap((e) =>
    e.type === 'rated' && e.details?.kind === 'rating'
      ? [
          {
            speed: e.details.speed,
            professionalism: e.details.professionalism,
            attitude: e.details.attitude,
            satisfied: e.details.satisfied,
          },
        ]
      : [],
  )
  const result = (id: CountedClock) => clockResult(id, clocks, own, options.asOf)
  return {
    caseId: c.id,
    day: dayOf(c.receivedAt ?? c.createdAt),
    slot: slotOf(c.receivedAt ?? c.createdAt),
    dims: { site: c.siteId, merchant: c.merchantId, industry: c.industry, problemType: c.problemType, channel: c.channel, kind: c.kind },
    filerKey: byStaff ? null : options.filerKey(c.filedBy),
    clocks: {
      first_answer: result('first_answer'),
      initial_review: result('initial_review'),
      accept_decision: result('accept_decision'),
      merchant_response: result('merchant_response'),
      on_site: result('on_site'),
      completion: result('completion'),
      mediation: result('mediation'),
      return_visit: result('return_visit'),
    },
    outcome: c.status === 'closed' ? c.outcome : null,
    withdrawn: c.status === 'withdrawn',
    reopened: has(own, 'reopened'),
    accepted: has(own, 'accepted'),
    extended: has(own, 'extended'),
    ratings,
    moneyFen: moneyRecoveredFen(own),
    tags: [...new Set(options.tags ?? [])],
  }
}
