import type { OutcomeCode } from '../workflow/outcomes'
import type { CaseFacts } from './case-facts'
import { rateOf, type Rate } from './rate'

// How cases ended. "Closed" is never "resolved": a closure is counted under its outcome code, and only
// the codes named here make a case count as settled or mediated.
//
// - 自行和解率 (selfSettlement): numerator = closed with outcome `settled` (the shopper accepted the
//   shop's offer); denominator = closed with a complaint outcome: `settled`, `mediated` or
//   `mediation_failed`. A report closes with `violation_found` / `no_violation` and is in neither part;
//   a withdrawn case, one not accepted or transferred, and an open (or reopened, not yet re-closed) case
//   are not closed. Seeds: from 10 % to 60 % in one scenic area.
// - 调解成功率 (mediationSuccess): numerator = closed `mediated`; denominator = closed `mediated` +
//   `mediation_failed` (the station mediated to an end). Seeds: 75.16 % against 50.90 % nationally.
// - closures per outcome code, withdrawals and reopened cases are plain counts beside them.
export const COMPLAINT_OUTCOMES: readonly OutcomeCode[] = ['settled', 'mediated', 'mediation_failed']
export const MEDIATION_OUTCOMES: readonly OutcomeCode[] = ['mediated', 'mediation_failed']

export interface SettlementCounters {
  closedSettled: number
  closedMediated: number
  closedMediationFailed: number
  closedViolationFound: number
  closedNoViolation: number
  withdrawnCases: number
  reopenedCases: number
}

export interface SettlementMetrics {
  selfSettlement: Rate
  mediationSuccess: Rate
  closedByOutcome: Record<OutcomeCode, number>
  withdrawn: number
  reopened: number
}

const FIELD: Record<OutcomeCode, keyof SettlementCounters> = {
  settled: 'closedSettled',
  mediated: 'closedMediated',
  mediation_failed: 'closedMediationFailed',
  violation_found: 'closedViolationFound',
  no_violation: 'closedNoViolation',
}

export function countSettlement(f: CaseFacts): SettlementCounters {
  const counters: SettlementCounters = {
    closedSettled: 0,
    closedMediated: 0,
    closedMediationFailed: 0,
    closedViolationFound: 0,
    closedNoViolation: 0,
    withdrawnCases: f.withdrawn ? 1 : 0,
    reopenedCases: f.reopened ? 1 : 0,
  }
  if (f.outcome) counters[FIELD[f.outcome]] = 1
  return counters
}

export function readSettlement(c: SettlementCounters): SettlementMetrics {
  const closedByOutcome: Record<OutcomeCode, number> = {
    settled: c.closedSettled,
    mediated: c.closedMediated,
    mediation_failed: c.closedMediationFailed,
    violation_found: c.closedViolationFound,
    no_violation: c.closedNoViolation,
  }
  const complaintClosed = COMPLAINT_OUTCOMES.reduce((n, code) => n + closedByOutcome[code], 0)
  const mediationConcluded = MEDIATION_OUTCOMES.reduce((n, code) => n + closedByOutcome[code], 0)
  return {
    selfSettlement: rateOf(closedByOutcome.settled, complaintClosed),
    mediationSuccess: rateOf(closedByOutcome.mediated, mediationConcluded),
    closedByOutcome,
    withdrawn: c.withdrawnCases,
    reopened: c.reopenedCases,
  }
}
