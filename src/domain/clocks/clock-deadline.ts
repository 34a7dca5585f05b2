import type { HolidayTable } from '../calendar/holiday-table'
import { addWorkingDays, type SkippedDay } from '../calendar/working-days'
import { formatShanghaiDateTime } from '../time'
import type { ClockRule } from './clock-rules'

export type CardColour = 'green' | 'yellow' | 'red'

/** A clock running on one case: when it is due, when to remind and urge, and how that was worked out. */
export interface ClockDeadline {
  clockId: ClockRule['id']
  startedAt: string
  dueAt: string
  remindAt: string
  urgeAt: string
  /** e.g. "自 2025年9月30日 15:20 起 7 个工作日（跳过国庆节等 10 天）" */
  explanation: string
  skipped: SkippedDay[]
  provisional: boolean
}

const UNIT_MS = { minutes: 60_000, hours: 3_600_000 } as const

/** Work out a clock's deadline from its start. Working-day clocks use the holiday table. */
export function computeDeadline(rule: ClockRule, startedAt: Date, table: HolidayTable): ClockDeadline {
  let dueMs: number
  let skipped: SkippedDay[] = []
  let provisional = false
  let explanation: string
  const from = formatShanghaiDateTime(startedAt)
  if (rule.unit === 'working_days') {
    const d = addWorkingDays(table, startedAt, rule.amount)
    dueMs = Date.parse(d.dueAt)
    skipped = d.skipped
    provisional = d.provisional
    const holidayNames = [...new Set(skipped.filter((s) => s.name).map((s) => s.name))]
    const skippedText = skipped.length
      ? `，跳过${holidayNames.length ? `${holidayNames.join('、')}及` : ''}周末共 ${skipped.length} 天`
      : ''
    const provisionalText = provisional ? `；${d.unpublishedYears.join('、')}年节假日安排尚未公布，期限为暂定` : ''
    explanation = `自 ${from} 起 ${rule.amount} 个工作日，至 ${d.dueDate} 24:00${skippedText}${provisionalText}`
  } else {
    dueMs = startedAt.getTime() + rule.amount * UNIT_MS[rule.unit]
    explanation = `自 ${from} 起 ${rule.amount} ${rule.unit === 'minutes' ? '分钟' : '小时'}`
  }
  const span = dueMs - startedAt.getTime()
  const at = (fraction: number) => new Date(startedAt.getTime() + Math.round(span * fraction)).toISOString()
  return {
    clockId: rule.id,
    startedAt: startedAt.toISOString(),
    dueAt: new Date(dueMs).toISOString(),
    remindAt: at(rule.remindAt),
    urgeAt: at(rule.urgeAt),
    explanation,
    skipped,
    provisional,
  }
}

/** green until the urging point, yellow until due, red once overdue. */
export function cardColour(deadline: Pick<ClockDeadline, 'dueAt' | 'urgeAt'>, now: Date): CardColour {
  const t = now.getTime()
  if (t >= Date.parse(deadline.dueAt)) return 'red'
  if (t >= Date.parse(deadline.urgeAt)) return 'yellow'
  return 'green'
}
