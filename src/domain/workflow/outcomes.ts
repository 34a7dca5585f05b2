import type { CaseStatus } from '../case.schema'

// "Closed" never means "resolved": every closure carries one of these, and statistics count them apart.
export const OUTCOME_CODES = ['settled', 'mediated', 'mediation_failed', 'violation_found', 'no_violation'] as const
export type OutcomeCode = (typeof OUTCOME_CODES)[number]

export const OUTCOME_LABELS: Record<OutcomeCode, string> = {
  settled: '双方自行和解',
  mediated: '调解成功',
  mediation_failed: '调解不成，终止调解',
  // a report (举报) closes with what the station's check found; violation_found opens the reward (report-reward/)
  violation_found: '举报查实，存在违法行为',
  no_violation: '经核查未发现违法行为',
}

/** The outcome a closure records follows from the state it closes. */
export const OUTCOME_OF: Partial<Record<CaseStatus, OutcomeCode>> = {
  settled: 'settled',
  mediated: 'mediated',
  mediation_ended: 'mediation_failed',
}
