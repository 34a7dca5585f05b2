import type { StatsStore } from '../../cloudfunctions/ports/stats-store'
import { ZERO } from '../../src/domain/metrics/counters'
import { CUBE_IDS, type CaseContribution } from '../../src/domain/metrics/cubes'
import type { DimensionValues } from '../../src/domain/metrics/dimensions'
import { NOW } from './clock-fixtures'

// What the statistics contracts share: a case's contribution built from a day and a few overrides, a fixed
// order for rows, and a case refreshed the way the upkeep does (services/stats-upkeep.ts): mark it, read
// the mark back, hand the mark in with the case's new contribution (null: the case is gone).
export async function refreshCase(store: StatsStore, caseId: string, next: CaseContribution | null): Promise<void> {
  await store.markStatsPending([caseId], NOW)
  const pending = (await store.listStatsPending(10_000)).find((p) => p.caseId === caseId)
  if (!pending) throw new Error('no mark')
  await store.refreshCaseStats(pending, next)
}

export const DIMS: DimensionValues = {
  site: 'site-a',
  merchant: 'shop-1',
  industry: '餐饮',
  problemType: '预付卡',
  channel: 'scan',
  kind: 'complaint',
}

/** One case's contribution: received on `day` at `slot`, with these counts beyond volume 1, counted in every cube (as caseContributionOf). */
export const contribution = (
  day: string,
  over: Partial<DimensionValues> = {},
  counts: Partial<typeof ZERO> = {},
  filerKey: string | null = 'filer-1',
  slot = '2-10',
): CaseContribution => ({ row: { day, ...DIMS, ...over, ...ZERO, volume: 1, ...counts }, slot, filerKey, cubes: CUBE_IDS })

/** Rows in a fixed order for comparing (the store promises no order within a day). */
export const sorted = <T>(rows: T[]): T[] => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
