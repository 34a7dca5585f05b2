import type { CaseFacts } from './case-facts'
import { countersOf } from './counters'
import type { Grouping } from './dimensions'
import { Groups, type GroupMetrics } from './group'

/**
 * Every figure of issue 18.1, straight from the cases' facts, per group. The definitions sit beside
 * their counts: response.ts, completion.ts, settlement.ts, satisfaction.ts, follow-up.ts, money.ts,
 * repeats.ts. With no cases there are no groups; a group's rate with nothing to count reads 无数据.
 */
export function metricsOf(facts: readonly CaseFacts[], grouping: Grouping): GroupMetrics[] {
  const groups = new Groups(grouping)
  for (const f of facts) {
    groups.addCounts(f.day, f.dims, countersOf(f))
    if (f.filerKey) groups.addFiler(f.day, f.dims, f.filerKey, 1)
  }
  return groups.result()
}
