import type { ActionOutput } from '../../../domain/api/contract'
import {
  COMPLETION_WORKING_DAYS,
  DEFAULT_CLOCK_RULES,
  DEFAULT_COMPLETION_EXTENSION,
  type ClockId,
  type CompletionKind,
} from '../../../domain/clocks/clock-rules'
import type { ClockSettings } from '../../../domain/clocks/clock-settings'
import type { FieldErrors } from '../../../domain/errors'
import { COMPLETION_KIND_LABELS } from '../../../domain/labels'

// The settings page's fields, worked out from the server's `effective` list (every clock as it now
// applies), and the settings sent back. Only numbers that differ from the national default are
// sent: a site that types the default back in follows future changes of the default again.
export type SiteClocks = ActionOutput<'station', 'getClockSettings'>
export type ClockUnit = 'minutes' | 'hours' | 'working_days'

export interface ClockField {
  /** the server's error key, e.g. settings.amounts.merchant_response */
  key: string
  label: string
  unit: ClockUnit
  amount: number
  defaultAmount: number
}

export const UNIT_WORDS: Record<ClockUnit, string> = { minutes: '分钟', hours: '小时', working_days: '个工作日' }

/** 商品类（5个工作日） → 商品类: the number in the label would contradict a changed setting */
const kindName = (kind: CompletionKind) => COMPLETION_KIND_LABELS[kind].split('（')[0]

export function clockFields(view: SiteClocks): ClockField[] {
  const fields = view.effective.map((e): ClockField => {
    const unit = e.unit as ClockUnit
    if (e.clockId === 'completion' && e.kind === 'extension') {
      return { key: 'settings.completionExtension', label: e.label, unit, amount: e.amount, defaultAmount: DEFAULT_COMPLETION_EXTENSION }
    }
    if (e.clockId === 'completion' && e.kind) {
      const kind = e.kind as CompletionKind
      return {
        key: `settings.completion.${kind}`,
        label: `办结（${kindName(kind)}）`,
        unit,
        amount: e.amount,
        defaultAmount: COMPLETION_WORKING_DAYS[kind],
      }
    }
    const id = e.clockId as ClockId
    return { key: `settings.amounts.${id}`, label: e.label, unit, amount: e.amount, defaultAmount: DEFAULT_CLOCK_RULES[id].amount }
  })
  return fields
}

/** "30", "３０" → 30; anything that is not a whole number → null. */
function wholeNumber(text: string): number | null {
  const plain = text.trim().replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
  return /^\d{1,6}$/.test(plain) ? Number(plain) : null
}

/** The typed values → the settings to save, or the fields to fix first (ranges are the server's to judge). */
export function settingsFrom(fields: ClockField[], values: Record<string, string>): { settings: ClockSettings } | { errors: FieldErrors } {
  const errors: FieldErrors = {}
  const amounts: Record<string, number> = {}
  const completion: Record<string, number> = {}
  let completionExtension: number | undefined
  for (const field of fields) {
    const typed = values[field.key] ?? ''
    const amount = wholeNumber(typed)
    if (amount === null) {
      errors[field.key] = typed.trim() ? '请填写整数' : '请填写数字'
      continue
    }
    if (amount === field.defaultAmount) continue
    const [, group, name] = field.key.split('.')
    if (group === 'amounts') amounts[name] = amount
    else if (group === 'completion') completion[name] = amount
    else completionExtension = amount
  }
  if (Object.keys(errors).length > 0) return { errors }
  return { settings: { amounts, completion, ...(completionExtension === undefined ? {} : { completionExtension }) } }
}
