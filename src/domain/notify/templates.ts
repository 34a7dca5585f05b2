import { EVENT_LABELS } from '../labels'
import { DEFAULT_CLOCK_RULES } from '../clocks/clock-rules'
import type { EventType } from '../case.schema'
import type { ClockId } from '../clocks/clock-rules'
import { CLOCK_DUTY, FALLBACK_DUTY, STAGE_COPY } from './clock-copy'
import { EVENT_COPY, SUBJECT_FOR } from './event-copy'
import { parseTemplateKey, type AlertStage, type BurstNotice, type NotifyRole } from './template-keys'
import { displayValues, fill, type TemplateVars } from './template-vars'

// Every message the outbox can carry, built from the key: a title and body lines with placeholders.
// Built, not listed, so the 100-odd combinations stay consistent and a new event type or clock
// renders on the day it is added. The same text feeds the in-app inbox, SMS and WeCom; WeChat
// subscribe messages take their short fields from subscribe-messages.ts.

export interface Template {
  title: string
  /** body lines; a line that renders empty is dropped */
  lines: string[]
}

export interface RenderedMessage {
  title: string
  body: string
}

export type TemplateErrorCode = 'UNKNOWN_TEMPLATE' | 'INVALID_VARIABLE'
export type RenderResult = { ok: true; message: RenderedMessage } | { ok: false; code: TemplateErrorCode; detail: string }

const STATUS_LINE = '[[当前状态：{statusLabel}]]'
const NOTE_LINE = '[[说明：{note}]]'

function eventTemplate(role: NotifyRole, type: EventType): Template {
  const copy = EVENT_COPY[type]
  // an event without its own words yet still says what happened, in the timeline's words
  const happened = copy?.happenedFor?.[role] ?? copy?.happened ?? `：${EVENT_LABELS[type] ?? type}`
  return {
    title: copy?.titleFor?.[role] ?? copy?.title ?? EVENT_LABELS[type] ?? '投诉进展',
    lines: [`${SUBJECT_FOR[role]}${happened}。`, copy?.next?.[role] ?? '', STATUS_LINE, NOTE_LINE],
  }
}

function clockTemplate(clockId: ClockId, stage: AlertStage): Template {
  const copy = STAGE_COPY[stage]
  return {
    title: copy.title,
    lines: [
      `投诉{caseNo}[[（{merchantName}）]]的“{clockLabel}”${copy.state}。`,
      `${CLOCK_DUTY[clockId] ?? FALLBACK_DUTY}${copy.closing ?? ''}`,
      STATUS_LINE,
      NOTE_LINE,
    ],
  }
}

// 突发消费事件 (docs/bursts-and-similar-cases.md): the alert to the station and the regulator, and the
// one message staff send to every complainant of the group. Fixed words: no free text leaves the system.
const BURST_TEMPLATES: Record<BurstNotice, Template> = {
  alert: {
    title: '突发消费事件预警',
    lines: [
      '24小时内出现多起相似投诉，涉及商家{merchantName}（最新一件：{caseNo}），可能是突发消费事件。',
      '请到“突发事件”页面查看这批投诉，可合并调解、统一告知投诉人。',
    ],
  },
  // the baseline rule (baseline.ts) counts a shop's day against its own past, not similar complaints
  surge: {
    title: '商家投诉量骤增预警',
    lines: [
      '商家{merchantName}今天的投诉明显多于平时（最新一件：{caseNo}），可能是突发消费事件。',
      '请到“突发事件”页面查看这批投诉，可合并调解、统一告知投诉人。',
    ],
  },
  group_message: {
    title: '投诉合并处理通知',
    lines: [
      '您的投诉{caseNo}（{merchantName}）与其他消费者的相似投诉将由工作人员合并处理。',
      '我们会统一组织调解，处理结果会逐一告知您，请留意后续消息。',
      STATUS_LINE,
    ],
  },
}

/** The template behind a key, or null when the workflow cannot produce that key. */
export function templateFor(key: string): Template | null {
  const parsed = parseTemplateKey(key)
  if (!parsed) return null
  if (parsed.kind === 'burst') return BURST_TEMPLATES[parsed.notice]
  return parsed.kind === 'event' ? eventTemplate(parsed.role, parsed.eventType) : clockTemplate(parsed.clockId, parsed.stage)
}

/** The label a clock warning names when the caller gave none. */
export function defaultClockLabel(key: string): string | undefined {
  const parsed = parseTemplateKey(key)
  return parsed?.kind === 'clock' ? (DEFAULT_CLOCK_RULES[parsed.clockId]?.label ?? parsed.clockId) : undefined
}

/** Renders a key for people. Unknown keys and unreadable variables come back as coded values. */
export function renderMessage(key: string, vars: TemplateVars): RenderResult {
  const template = templateFor(key)
  if (!template) return { ok: false, code: 'UNKNOWN_TEMPLATE', detail: `没有模板：${key}` }
  const shown = displayValues({ ...vars, clockLabel: vars.clockLabel ?? defaultClockLabel(key) })
  if (!shown.ok) return { ok: false, code: 'INVALID_VARIABLE', detail: `${shown.variable}: ${shown.reason}` }
  const body = template.lines
    .map((line) => fill(line, shown.values))
    .filter((line) => line !== '')
    .join('\n')
  return { ok: true, message: { title: fill(template.title, shown.values), body } }
}
