import { shanghaiParts } from '../time'

// The variables a template may use. Only caseNo is always known; a [[segment]] that uses a missing
// variable is left out, so a message never shows "undefined" or an empty "期限：".
export interface TemplateVars {
  caseNo: string
  merchantName?: string
  statusLabel?: string
  /** an instant (ISO 8601 with offset); shown as "11月23日 14:30", Shanghai time */
  dueAt?: string
  /** defaults to the clock rule's label for clock keys */
  clockLabel?: string
  note?: string
}

export const VAR_NAMES = ['caseNo', 'merchantName', 'statusLabel', 'dueAt', 'clockLabel', 'note'] as const
export type VarName = (typeof VAR_NAMES)[number]
export type DisplayValues = Partial<Record<VarName, string>>

const pad = (n: number) => String(n).padStart(2, '0')

/** "11月23日 14:30" in Shanghai time; null for text that is not an instant. */
export function formatDueAt(instant: string): string | null {
  if (Number.isNaN(Date.parse(instant))) return null
  const p = shanghaiParts(instant)
  return `${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}`
}

// Names and notes come from people: a line break or tab inside a merchant name would break a title,
// a markdown message or a subscribe field, so every control character becomes one space.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g
export const oneLine = (text: string) => text.replace(CONTROL, ' ').trim()

export type DisplayResult = { ok: true; values: DisplayValues } | { ok: false; variable: VarName; reason: string }

/** Turns the caller's variables into the strings templates show: one line each, dueAt formatted. */
export function displayValues(vars: TemplateVars): DisplayResult {
  const values: DisplayValues = {}
  for (const name of VAR_NAMES) {
    const raw = vars[name]
    if (raw === undefined) continue
    const text = oneLine(raw)
    if (text === '') continue
    if (name === 'dueAt') {
      const formatted = formatDueAt(text)
      if (formatted === null) return { ok: false, variable: name, reason: `不是有效的时间：${text}` }
      values.dueAt = formatted
    } else {
      values[name] = text
    }
  }
  return { ok: true, values }
}

const OPTIONAL = /\[\[(.*?)\]\]/g
const PLACEHOLDER = /\{(\w+)\}/g

const namesIn = (text: string) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1])
const valueOf = (values: DisplayValues, name: string): string | undefined =>
  (VAR_NAMES as readonly string[]).includes(name) ? values[name as VarName] : undefined

/**
 * Fills a template. Optional segments are decided on the template text first, then placeholders are
 * replaced in one pass over the template — so braces inside a merchant's name are shown, never expanded.
 */
export function fill(template: string, values: DisplayValues): string {
  const decided = template.replace(OPTIONAL, (_, inner: string) =>
    namesIn(inner).every((name) => valueOf(values, name) !== undefined) ? inner : '',
  )
  return decided.replace(PLACEHOLDER, (_, name: string) => valueOf(values, name) ?? '')
}

/** Placeholders a template uses outside any optional segment: these must always have a value. */
export function requiredNames(template: string): string[] {
  return namesIn(template.replace(OPTIONAL, ''))
}
