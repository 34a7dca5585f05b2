import type { StatsStore } from '../../cloudfunctions/ports/stats-store'
import type { CaseContribution } from '../../src/domain/metrics/cubes'
import { NOW } from './clock-fixtures'

// The statistics contracts refresh a case the way the upkeep does (services/stats-upkeep.ts): mark it, read
// the mark back, hand the mark in with the case's new contribution (null: the case is gone).
export async function refreshCase(store: StatsStore, caseId: string, next: CaseContribution | null): Promise<void> {
  await store.markStatsPending([caseId], NOW)
  const pending = (await store.listStatsPending(10_000)).find((p) => p.caseId === caseId)
  if (!pending) throw new Error('no mark')
  await store.refreshCaseStats(pending, next)
}
