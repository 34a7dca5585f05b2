import { CASE_KIND_LABELS } from '../../../domain/classification'
import { CHANNEL_LABELS } from '../../../domain/intake-channel'
import type { FieldErrors } from '../../../domain/errors'
import { addMonths, monthEnd, monthStart } from '../../../domain/metrics/stats-plan'
import { StatsQuerySchema, type StatsQuery, type StatsUnit } from '../../../domain/metrics/stats-query.schema'

// The statistics form as the person edits it (every field text, '' = 全部), and the query it becomes.
export interface QueryForm {
  unit: StatsUnit
  from: string
  to: string
  siteId: string
  industry: string
  problemType: string
  kind: string
  channel: string
  /** a tag's id ('' = 全部): figures of the cases carrying it (按标签, whole months only) */
  tag: string
}

export const ALL = '全部'

/** The page opens on the last three whole months, by month: whole months read the small month cubes. */
export function defaultForm(today: string): QueryForm {
  return {
    unit: 'month',
    from: addMonths(today, -2),
    to: monthEnd(today),
    siteId: '',
    industry: '',
    problemType: '',
    kind: '',
    channel: '',
    tag: '',
  }
}

/** Quick ranges, each whole months (or a whole quarter / year) ending with the current one. */
export function quickRanges(today: string): { label: string; from: string; to: string }[] {
  const quarterStart = addMonths(monthStart(today), -((Number(today.slice(5, 7)) - 1) % 3))
  return [
    { label: '本月', from: monthStart(today), to: monthEnd(today) },
    { label: '上月', from: addMonths(today, -1), to: monthEnd(addMonths(today, -1)) },
    { label: '近三个月', from: addMonths(today, -2), to: monthEnd(today) },
    { label: '本季度', from: quarterStart, to: monthEnd(addMonths(quarterStart, 2)) },
    { label: '今年', from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` },
  ]
}

export const KIND_OPTIONS = Object.entries(CASE_KIND_LABELS) as [StatsQuery['kind'] & string, string][]
export const CHANNEL_OPTIONS = Object.entries(CHANNEL_LABELS) as [StatsQuery['channel'] & string, string][]

const labelToValue = (options: readonly [string, string][], label: string) => options.find(([, l]) => l === label)?.[0]

/** The form as the action's input: filters left at 全部 are left out; any filter makes it a custom query. */
export function inputOf(form: QueryForm): Record<string, string> {
  const filters: Record<string, string | undefined> = {
    industry: form.industry || undefined,
    problemType: form.problemType || undefined,
    kind: labelToValue(KIND_OPTIONS, form.kind),
    channel: labelToValue(CHANNEL_OPTIONS, form.channel),
    tag: form.tag || undefined,
  }
  const set = Object.fromEntries(Object.entries(filters).filter((e): e is [string, string] => !!e[1]))
  const input: Record<string, string> = {
    unit: form.unit,
    from: form.from.trim(),
    to: form.to.trim(),
    view: Object.keys(set).length ? 'custom' : 'standard',
    ...set,
  }
  if (form.siteId) input.siteId = form.siteId
  return input
}

/** Checked here first, so a typo is named under its field before anything is sent. */
export function checkForm(form: QueryForm): { ok: true; query: StatsQuery } | { ok: false; errors: FieldErrors } {
  const parsed = StatsQuerySchema.safeParse(inputOf(form))
  if (parsed.success) return { ok: true, query: parsed.data }
  const errors: FieldErrors = {}
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'from')] ??= issue.message
  return { ok: false, errors }
}

/** A saved query back into the form. */
export function formOf(q: StatsQuery): QueryForm {
  const label = (options: readonly [string, string][], value: string | undefined) => options.find(([v]) => v === value)?.[1] ?? ''
  return {
    unit: q.unit,
    from: q.from,
    to: q.to,
    siteId: q.siteId ?? '',
    industry: q.industry ?? '',
    problemType: q.problemType ?? '',
    kind: label(KIND_OPTIONS, q.kind),
    channel: label(CHANNEL_OPTIONS, q.channel),
    tag: q.tag ?? '',
  }
}
