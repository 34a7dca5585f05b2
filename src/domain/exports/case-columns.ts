import type { Case, CaseEvent, EventType } from '../case.schema'
import { CASE_KIND_LABELS, DEMAND_LABELS } from '../classification'
import type { CaseClock } from '../clocks/case-clock'
import { CHANNEL_LABELS } from '../intake-channel'
import { STATUS_LABELS } from '../labels'
import type { Merchant } from '../merchant.schema'
import { clockResult, type ClockResult } from '../metrics/clock-result'
import { moneyRecoveredFen } from '../metrics/case-facts'
import { maskName, maskPhone } from '../phone'
import { formatShanghaiDateTime } from '../time'
import { OUTCOME_LABELS } from '../workflow/outcomes'

// One row of a case export, with the columns of the 12315 work-order record (登记表): number, received
// time, channel, kind, complainant, respondent (USCC, address), industry, problem type, demands,
// amount, status, outcome code, the date of each step (from the events), deadline met or missed (from
// the completion clock), money recovered and the rating. Pure: the service reads, this only maps.

/** The steps a work order records a date for, in the order they happen, with the events that mark each. */
export const STEP_COLUMNS: readonly { header: string; events: readonly EventType[]; last?: boolean }[] = [
  { header: '受理时间', events: ['accepted', 'rejected', 'transferred'] },
  { header: '转商家时间', events: ['dispatched'] },
  { header: '商家答复时间', events: ['answered'] },
  { header: '调解时间', events: ['station_mediation', 'escalated'] },
  { header: '调解终结时间', events: ['mediated', 'mediation_ended'], last: true },
  // a reopened case closes twice: the work order keeps the last closure
  { header: '办结时间', events: ['closed'], last: true },
  { header: '回访时间', events: ['return_visited'], last: true },
]

export const CASE_COLUMNS = [
  '编号',
  '登记时间',
  '渠道',
  '类别',
  '投诉人',
  '投诉人电话',
  '被投诉方',
  '统一社会信用代码',
  '被投诉方地址',
  '行业',
  '问题类别',
  '诉求',
  '金额（元）',
  '状态',
  '结果代码',
  '办结结果',
  ...STEP_COLUMNS.map((s) => s.header),
  '是否按期',
  '挽回经济损失（元）',
  '评价',
] as const

/** A cell: text, or a number the spreadsheet can sum (yuan with two decimals), or empty. */
export type Cell = string | number | null
export type CaseRow = Cell[]

/** Whether the exported complainant is whole (logged per case by the service) or masked. */
export type ComplainantColumns = 'full' | 'masked'

export interface CaseRowInput {
  case: Case
  /** the case's timeline, oldest first */
  events: readonly CaseEvent[]
  clocks: readonly CaseClock[]
  /** the respondent as the registry has it now; null when the shop record is gone */
  merchant: Merchant | null
  complainant: ComplainantColumns
  /** the instant the export is taken at: a running completion clock past its due time reads 逾期 */
  asOf: Date
}

const ON_TIME_WORDS: Record<ClockResult, string> = {
  met: '按期',
  late: '逾期办结',
  missed: '逾期',
  pending: '办理中',
  moot: '不计',
  none: '未计时', // not accepted (yet): the completion clock never started
}

/** 按期 / 逾期 by the completion clock as the engine set it (site numbers, holidays, extension, pause). */
export const onTimeText = (events: readonly CaseEvent[], clocks: readonly CaseClock[], asOf: Date): string =>
  ON_TIME_WORDS[clockResult('completion', clocks, events, asOf)]

// a cell stays on one line: CSV readers and the row count of the progress bar both rely on it
const oneLine = (text: string) => text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim()

const yuan = (fen: number | null): number | null => (fen === null ? null : Math.round(fen) / 100)

function stepDate(events: readonly CaseEvent[], types: readonly EventType[], last: boolean): string {
  const hits = events.filter((e) => types.includes(e.type))
  const hit = last ? hits[hits.length - 1] : hits[0]
  return hit ? formatShanghaiDateTime(hit.at) : ''
}

/** The latest rating of the case, as the work order's 评价 line (满意 · 速度/专业/态度 scores). */
function ratingText(events: readonly CaseEvent[]): string {
  const rated = events.filter((e) => e.type === 'rated' && e.details?.kind === 'rating')
  const last = rated[rated.length - 1]
  if (!last || last.details?.kind !== 'rating') return ''
  const d = last.details
  return `${d.satisfied ? '满意' : '不满意'}（速度${d.speed}，专业${d.professionalism}，态度${d.attitude}）`
}

function complainantCells(c: Case, how: ComplainantColumns): [string, string] {
  const person = c.complainant
  if (!person) return [c.kind === 'report' ? '匿名举报' : '', '']
  if (how === 'full') return [oneLine(person.name), person.phone]
  return [maskName(person.name), maskPhone(person.phone)]
}

export function caseRow(input: CaseRowInput): CaseRow {
  const { case: c, merchant, asOf } = input
  const events = [...input.events].filter((e) => e.caseId === c.id).sort((a, b) => a.seq - b.seq)
  const [name, phone] = complainantCells(c, input.complainant)
  return [
    c.caseNo,
    formatShanghaiDateTime(c.receivedAt ?? c.createdAt),
    CHANNEL_LABELS[c.channel],
    CASE_KIND_LABELS[c.kind],
    name,
    phone,
    oneLine(merchant?.name ?? c.merchantName),
    merchant?.uscc ?? '',
    oneLine(merchant?.address ?? ''),
    c.industry,
    c.problemType,
    c.demands.map((d) => DEMAND_LABELS[d]).join('、'),
    yuan(c.amountFen),
    STATUS_LABELS[c.status],
    c.outcome ?? '',
    c.outcome ? OUTCOME_LABELS[c.outcome] : '',
    ...STEP_COLUMNS.map((s) => stepDate(events, s.events, !!s.last)),
    onTimeText(events, input.clocks, asOf),
    yuan(moneyRecoveredFen(events)),
    ratingText(events),
  ]
}
