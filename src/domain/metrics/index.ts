// Statistics as domain functions over the case events (issue 18; docs/metrics.md).
export { caseFactsOf, moneyRecoveredFen, type CaseFacts, type FactsOptions } from './case-facts'
export { clockResult, type ClockResult } from './clock-result'
export { DIMENSIONS, type Dimension, type GroupKey, type Grouping } from './dimensions'
export type { GroupMetrics, Metrics } from './group'
export { metricsOf } from './metrics'
export { dayOf, periodKey, type PeriodSpec } from './period'
export { NO_DATA, rateOf, averageOf, type Rate, type Average } from './rate'
export {
  contributionOf,
  mergeRollups,
  metricsFromRollups,
  rollupDelta,
  rollupOf,
  type FilerRow,
  type Rollup,
  type RollupRow,
} from './rollup'
