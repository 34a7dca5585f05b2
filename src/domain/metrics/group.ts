import { addCounters, metricsOfCounters, ZERO, type Counters, type FamilyMetrics } from './counters'
import { groupKeyOf, groupKeyText, type DimensionValues, type GroupKey, type Grouping } from './dimensions'
import { addTo, repeatsOf, type RepeatCount } from './repeats'

// Collects counts into groups; the direct path (metrics.ts) and the rollup path (rollup.ts) both feed it,
// so they can differ only in what they add, never in how a figure is read.
export type Metrics = { volume: number } & FamilyMetrics & { repeatMerchants: RepeatCount; repeatComplainants: RepeatCount }

export interface GroupMetrics {
  key: GroupKey
  metrics: Metrics
}

interface Bucket {
  key: GroupKey
  counters: Counters
  merchants: Map<string, number>
  filers: Map<string, number>
}

export class Groups {
  private readonly buckets = new Map<string, Bucket>()
  constructor(private readonly grouping: Grouping) {}

  private bucket(day: string, dims: DimensionValues): Bucket | null {
    const key = groupKeyOf(day, dims, this.grouping)
    if (!key) return null
    const text = groupKeyText(key)
    const found = this.buckets.get(text)
    if (found) return found
    const created: Bucket = { key, counters: ZERO, merchants: new Map(), filers: new Map() }
    this.buckets.set(text, created)
    return created
  }

  addCounts(day: string, dims: DimensionValues, counters: Counters): void {
    const b = this.bucket(day, dims)
    if (!b) return
    b.counters = addCounters(b.counters, counters)
    addTo(b.merchants, dims.merchant, counters.volume)
  }

  addFiler(day: string, dims: DimensionValues, filerKey: string, cases: number): void {
    const b = this.bucket(day, dims)
    if (b) addTo(b.filers, filerKey, cases)
  }

  /** One entry per group that holds anything, ordered by period and then by dimension values. */
  result(): GroupMetrics[] {
    return [...this.buckets.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, b]) => ({
        key: b.key,
        metrics: { ...metricsOfCounters(b.counters), repeatMerchants: repeatsOf(b.merchants), repeatComplainants: repeatsOf(b.filers) },
      }))
  }
}
