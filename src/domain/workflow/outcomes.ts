import type { CaseStatus } from '../case.schema'

// "Closed" never means "resolved": every closure carries one of these, and statistics count them apart.
export const OUTCOME_CODES = ['settled', 'mediated', 'mediation_failed'] as const
export type OutcomeCode = (typeof OUTCOME_CODES)[number]

export const OUTCOME_LABELS: Record<OutcomeCode, string> = {
  settled: '双方自行和解',
  mediated: '调解成功',
  mediation_failed: '调解不成，终止调解',
}

/** The outcome a closure records follows from the state it closes. */
export const OUTCOME_OF: Partial<Record<CaseStatus, OutcomeCode>> = {
  settled: 'settled',
  mediated: 'mediated',
  mediation_ended: 'mediation_failed',
}
