import type { SumGrain } from '../../src/domain/metrics/cube-grain'
import type { CounterName } from '../../src/domain/metrics/counters'
import type { CaseContribution, CubeId, CubeRow } from '../../src/domain/metrics/cubes'
import type { Dimension } from '../../src/domain/metrics/dimensions'
import type { Day } from '../../src/domain/metrics/period'
import type { FilerRow } from '../../src/domain/metrics/rollup'
import type { PeriodRange, PeriodRepeats, ShopRanking, ShopTally } from '../../src/domain/metrics/shop-ranking'

// The statistics' read model (issue 18; docs/metrics.md). The figures are read from summed cube rows
// (src/domain/metrics/cubes.ts), never from the case table. Upkeep is in two steps:
//  1. every write that can change a case's figures (a new case, a change, a clock moved by the tick) also
//     marks the case as pending, in the same unit of work as the write — so no change is ever missed;
//  2. the refresh pass (after each tick) recomputes each pending case's contribution from its case, events
//     and clocks and hands it to refreshCaseStats, which takes the case's stored old contribution away and
//     adds the new one, in one unit of work. Refreshing a case twice changes nothing the second time.
// The watermark is the instant of the last refresh pass that emptied the queue: figures are exact as of it.

export interface StatsPending {
  caseId: string
  /**
   * when the latest write marked it, by the store's own clock (SQL: to the microsecond; CloudBase: an ISO
   * instant with six digits that order and differ): a refresh clears the mark only if no newer write
   * marked it since. Compare it only for equality and order; it is not the caller's `now`.
   */
  markedAt: string
}

export interface CubeQuery {
  cube: CubeId
  /** Beijing days, both included (month-grain cubes hold the month's 1st as the day) */
  from: Day
  to: Day
  /** the sites the caller may see; null only for a caller who may see every site (a regulator) */
  sites: readonly string[] | null
  /** equality filters on dimensions the cube keeps */
  where?: Partial<Record<Dimension, string>>
  /** summed by day, these dimensions, slot and tag; every other dimension comes back '' */
  by: readonly Dimension[]
  /** month_tag only: the rows of this tag (docs/tags.md) */
  tag?: string
  /** how far the days are summed (cube-grain.ts atGrain is the definition); absent: 'day', as stored */
  grain?: SumGrain
  /** only these counters (and the volume) are summed, the others come back 0; absent: every counter */
  counters?: readonly CounterName[]
}

/** A cube that keeps industry and merchant: the full daily cube, or the month projection. */
export type ShopCube = Extract<CubeId, 'day' | 'month_merchant'>

/** The ranking's question: the cube's rows in range (its sites, its filters), shops summed, `top` per line. */
export interface ShopRankQuery extends Omit<CubeQuery, 'cube' | 'by'> {
  cube: ShopCube
  top: number
}

/** Repeats per period: of shops (a ShopCube's volume by merchant) or of complainants (the filer rows' cases by filer key). */
export interface RepeatQuery extends Omit<CubeQuery, 'cube' | 'by' | 'from' | 'to'> {
  of: { shops: ShopCube } | 'complainants'
  periods: readonly PeriodRange[]
}

/** A named custom query a staff member saved on the statistics page ("2026 Q1–Q2 餐饮 预付卡 投诉"). */
export interface SavedStatsQuery {
  id: string
  ownerId: string
  name: string
  /** the page's query, validated by the service (stats-query schema) when read back */
  spec: Record<string, unknown>
  savedAt: string
}

export interface StatsStore {
  /** One cube's rows in range, summed in the database; reads no case. */
  sumCube(query: CubeQuery): Promise<CubeRow[]>
  /**
   * Per industry line, its cases at shops and its `top` shops over the range (shop-ranking.ts rankShopsOf
   * is the definition): worked out in the store, so the answer is at most lines × top rows, whatever the shops.
   */
  rankShops(query: ShopRankQuery): Promise<ShopRanking>
  /** Per industry line and month, its `top` shops (monthTopShopsOf), from the month_merchant cube: at most lines × months × top rows. */
  monthTopShops(query: Omit<ShopRankQuery, 'cube'>): Promise<ShopTally[]>
  /** Keys with 2 or more cases per period (repeatsByPeriodOf), counted in the store: one row per period. */
  countRepeats(query: RepeatQuery): Promise<PeriodRepeats[]>
  /** The filer rows in range, for the rebuild's comparison (the page counts repeats with countRepeats). */
  listFilerRows(query: Omit<CubeQuery, 'cube' | 'by'>): Promise<FilerRow[]>
  /** Cases marked pending, oldest mark first. */
  listStatsPending(limit: number): Promise<StatsPending[]>
  /**
   * Replace the case's stored contribution by `next` (null: the case no longer counts) and add the
   * difference to the cube and filer rows, all together; then clear the mark if it is still `pending.markedAt`.
   */
  refreshCaseStats(pending: StatsPending, next: CaseContribution | null): Promise<void>
  statsWatermark(): Promise<string | null>
  setStatsWatermark(at: string): Promise<void>
  /** The rebuild's first step: every cube row, filer row, stored contribution and mark removed. */
  clearStats(): Promise<void>
  /** Mark cases pending outside a case write (the rebuild marks every case it reads). `at` is the caller's instant; the mark itself is the store's (see markedAt). */
  markStatsPending(caseIds: readonly string[], at: string): Promise<void>
  saveStatsQuery(query: SavedStatsQuery): Promise<void>
  /** The owner's saved queries, by name. */
  listStatsQueries(ownerId: string): Promise<SavedStatsQuery[]>
  /** False when there was no such query of that owner. */
  deleteStatsQuery(ownerId: string, id: string): Promise<boolean>
}
