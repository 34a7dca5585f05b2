import { z } from 'zod'
import { OUTCOME_CODES } from '../workflow/outcomes'
import { CUBE_IDS } from './cubes'
import { STATS_UNITS, SaveStatsQueryInputSchema, StatsQueryIdInput, StatsQuerySchema } from './stats-query.schema'

// What the statistics page receives (issue 18): the figures of metrics.ts per period, and the page's
// charts as plain numbers (each chart also has a data-table twin on the page). Rates travel as the exact
// fraction with the label; the page never computes a figure itself.
const RateSchema = z.object({ numerator: z.number(), denominator: z.number(), percent: z.number().nullable(), label: z.string() })
const AverageSchema = z.object({ sum: z.number(), count: z.number(), value: z.number().nullable(), label: z.string() })
const RepeatSchema = z.object({ keys: z.number().int(), cases: z.number().int() })

export const MetricsSchema = z.object({
  volume: z.number().int(),
  response24h: RateSchema,
  initialCheck: RateSchema,
  merchant45: RateSchema,
  onSite90: RateSchema,
  completionOnTime: RateSchema,
  overdue: RateSchema,
  extension: RateSchema,
  selfSettlement: RateSchema,
  mediationSuccess: RateSchema,
  closedByOutcome: z.record(z.enum(OUTCOME_CODES), z.number().int()),
  withdrawn: z.number().int(),
  reopened: z.number().int(),
  satisfaction: RateSchema,
  averages: z.object({ speed: AverageSchema, professionalism: AverageSchema, attitude: AverageSchema }),
  returnVisits: RateSchema,
  moneyRecoveredFen: z.number().int(),
  casesWithMoney: z.number().int(),
  repeatMerchants: RepeatSchema,
  repeatComplainants: RepeatSchema,
})
export type MetricsView = z.infer<typeof MetricsSchema>

const Count = z.object({ key: z.string(), volume: z.number().int() })

export const TopMerchantSchema = z.object({
  merchantId: z.string(),
  name: z.string(),
  volume: z.number().int(),
  /** among the 3 most complained-about of its industry line for three consecutive months ending in the range */
  threeMonthsTop3: z.boolean(),
})

/** A tag's bar: its id, its name as the tags are now, and the cases carrying it. */
const TagCountSchema = z.object({ id: z.string(), name: z.string(), volume: z.number().int() })

export const StatsViewSchema = z.object({
  /** the site the figures cover; null: every site the caller may see */
  siteId: z.string().nullable(),
  siteName: z.string().nullable(),
  /** the sites a regulator or an administrator may pick from; empty for a station */
  sites: z.array(z.object({ id: z.string(), name: z.string() })),
  unit: z.enum(STATS_UNITS),
  from: z.string(),
  to: z.string(),
  /** 统计截至: figures are exact as of this instant; null before the first refresh */
  watermark: z.string().nullable(),
  periods: z.array(z.object({ period: z.string(), metrics: MetricsSchema })),
  total: MetricsSchema,
  /** cases received per week (Monday to Sunday), every week of the range, empty weeks as 0 */
  weekly: z.array(Count),
  byIndustry: z.array(Count),
  byProblemType: z.array(Count),
  topMerchants: z.array(z.object({ industry: z.string(), merchants: z.array(TopMerchantSchema) })),
  /** weekday 1 (Monday) … 7 × hour 0–23; null when the filters are finer than the heat map's cube */
  heatMap: z
    .object({
      /** the whole months it counts (the heat map is kept per month) */
      months: z.object({ from: z.string(), to: z.string() }),
      cells: z.array(z.object({ weekday: z.number().int(), hour: z.number().int(), volume: z.number().int() })),
    })
    .nullable(),
  /**
   * 按标签 (docs/tags.md): cases per confirmed tag over the whole months that cover the range (the tag cube is
   * kept per month). A case counts under each of its tags, so the bars do not sum to the total; null under
   * a filter the tag cube does not keep (行业, 问题类型, 渠道, 商户)
   */
  byTag: z.object({ months: z.object({ from: z.string(), to: z.string() }), bars: z.array(TagCountSchema) }).nullable(),
  /** the tag the figures are filtered by: then only the per-period figures are answered, from month_tag; null otherwise */
  tag: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** which cube answered each part (docs/statistics-page.md) */
  sources: z.object({
    periods: z.enum(CUBE_IDS),
    industryBars: z.enum(CUBE_IDS),
    problemBars: z.enum(CUBE_IDS),
    merchants: z.enum(CUBE_IDS),
    repeatShops: z.enum(CUBE_IDS),
    heat: z.enum(CUBE_IDS).nullable(),
  }),
})
export type StatsView = z.infer<typeof StatsViewSchema>

export const SavedStatsQueryViewSchema = z.object({ id: z.string(), name: z.string(), query: StatsQuerySchema, savedAt: z.string() })

/** The statistics actions of the station function (src/domain/api/contract.ts spreads them in). */
export const STATION_STATS_API = {
  /** 统计: the figures and charts of a range, for the caller's own site(s) */
  stats: { input: StatsQuerySchema, output: StatsViewSchema },
  saveStatsQuery: { input: SaveStatsQueryInputSchema, output: SavedStatsQueryViewSchema },
  listStatsQueries: { input: z.object({}), output: z.object({ items: z.array(SavedStatsQueryViewSchema) }) },
  deleteStatsQuery: { input: StatsQueryIdInput, output: z.object({ id: z.string() }) },
} as const
