import type { RewardApplication } from '../../src/domain/report-reward/report-reward-reporter'

/** The station's decision on an application, as written. */
export interface RewardDecision {
  status: 'granted' | 'refused'
  amountFen: number | null
  reason: string
  decidedBy: string
  decidedAt: string
}

// 举报奖励 applications, one per report (keyed by the case). The reporter's contact is sealed at rest.
export interface ReportRewardStore {
  /** false when the case already has an application (the first one stands) */
  createRewardApplication(app: RewardApplication): Promise<boolean>
  getRewardApplication(caseId: string): Promise<RewardApplication | null>
  /** records the decision only on an application still waiting; null when there is none waiting */
  decideRewardApplication(caseId: string, decision: RewardDecision): Promise<RewardApplication | null>
}
