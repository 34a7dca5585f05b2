import type { CaseFacts } from './case-facts'
import { countCompletion, readCompletion, type CompletionCounters, type CompletionMetrics } from './completion'
import { countFollowUp, readFollowUp, type FollowUpCounters, type FollowUpMetrics } from './follow-up'
import { countMoney, readMoney, type MoneyCounters, type MoneyMetrics } from './money'
import { countResponse, readResponse, type ResponseCounters, type ResponseMetrics } from './response'
import { countSatisfaction, readSatisfaction, type SatisfactionCounters, type SatisfactionMetrics } from './satisfaction'
import { countSettlement, readSettlement, type SettlementCounters, type SettlementMetrics } from './settlement'

// Every figure is read from plain counts that add up: numerators, denominators, sums of scores, fen.
// A case contributes its counts once; a group's counts are the sum over its cases — or over the daily
// rollup rows of those cases, which is the same sum taken in two steps (rollup.ts).
export type Counters = { volume: number } & ResponseCounters &
  CompletionCounters &
  SettlementCounters &
  SatisfactionCounters &
  FollowUpCounters &
  MoneyCounters

export type CounterName = keyof Counters

export function countersOf(f: CaseFacts): Counters {
  return {
    volume: 1,
    ...countResponse(f),
    ...countCompletion(f),
    ...countSettlement(f),
    ...countSatisfaction(f),
    ...countFollowUp(f),
    ...countMoney(f),
  }
}

/** All zeros: what a group with no cases counts. */
export const ZERO: Counters = Object.freeze(countersOfNothing())

function countersOfNothing(): Counters {
  const none: CaseFacts = {
    caseId: '',
    day: '',
    slot: '',
    dims: { site: '', merchant: '', industry: '', problemType: '', channel: '', kind: '' },
    filerKey: null,
    clocks: {
      first_answer: 'none',
      initial_review: 'none',
      accept_decision: 'none',
      merchant_response: 'none',
      on_site: 'none',
      completion: 'none',
      mediation: 'none',
      return_visit: 'none',
    },
    outcome: null,
    withdrawn: false,
    reopened: false,
    accepted: false,
    extended: false,
    ratings: [],
    moneyFen: 0,
    tags: [],
  }
  return { ...countersOf(none), volume: 0 }
}

const isCounterName = (name: string): name is CounterName => name in ZERO
export const COUNTER_NAMES: readonly CounterName[] = Object.keys(ZERO).filter(isCounterName)

export function addCounters(a: Counters, b: Counters): Counters {
  const sum = { ...a }
  for (const name of COUNTER_NAMES) sum[name] = a[name] + b[name]
  return sum
}

/** The counts taken away: what a case's old contribution becomes when its facts change. */
export function negateCounters(c: Counters): Counters {
  const negated = { ...c }
  for (const name of COUNTER_NAMES) negated[name] = -c[name]
  return negated
}

export const isZero = (c: Counters): boolean => COUNTER_NAMES.every((name) => c[name] === 0)

export type FamilyMetrics = ResponseMetrics & CompletionMetrics & SettlementMetrics & SatisfactionMetrics & FollowUpMetrics & MoneyMetrics

export function metricsOfCounters(c: Counters): { volume: number } & FamilyMetrics {
  return {
    volume: c.volume,
    ...readResponse(c),
    ...readCompletion(c),
    ...readSettlement(c),
    ...readSatisfaction(c),
    ...readFollowUp(c),
    ...readMoney(c),
  }
}
