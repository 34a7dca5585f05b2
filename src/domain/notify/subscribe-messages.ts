import { DEFAULT_CLOCK_RULES } from '../clocks/clock-rules'
import type { Role } from '../identity'
import { formatShanghaiDateTime } from '../time'
import { parseTemplateKey, type AlertStage, type TemplateKey } from './template-keys'
import { defaultClockLabel } from './templates'
import type { TemplateVars } from './template-vars'
import { fitCharacterString, fitPhrase, fitThing, type SubscribeData } from './wechat-fields'

// WeChat subscribe messages ("服务通知"): the consumer and the merchant each tap to allow a handful of
// templates chosen from WeChat's public library; each allow pays for one send. A slot is our name for
// one such template; the deployment maps slots to real template ids (env), and the deployer picks
// library templates whose keywords match the fields built below (mostly thing1 = 商户名称,
// character_string2 = 投诉编号, time3 = 时间, phrase4 = 状态, thing5 = 温馨提示; the merchant's 时限提醒 puts
// the clock in thing1). Only the moments worth a phone buzz have a slot.
export const SUBSCRIBE_SLOTS = [
  'consumer_accepted', // 受理通知
  'consumer_answered', // 商家已答复
  'consumer_closed', // 办结通知
  'consumer_return_visit', // 回访
  'merchant_new_case', // 新投诉
  'merchant_clock_warning', // 时限提醒
] as const
export type SubscribeSlot = (typeof SUBSCRIBE_SLOTS)[number]

/** The variables plus the instant the event happened (the outbox row's createdAt). */
export type SubscribeVars = TemplateVars & { at: string }

export interface SubscribePayload {
  templateSlot: SubscribeSlot
  data: SubscribeData
}

interface SlotSpec {
  audience: Role
  /** the page a tap opens, without the leading slash (WeChat's rule); the case id goes in ?id= */
  page: string
}

export const SLOT_SPECS: Record<SubscribeSlot, SlotSpec> = {
  consumer_accepted: { audience: 'consumer', page: 'pages/consumer/case/index' },
  consumer_answered: { audience: 'consumer', page: 'pages/consumer/case/index' },
  consumer_closed: { audience: 'consumer', page: 'pages/consumer/case/index' },
  consumer_return_visit: { audience: 'consumer', page: 'pages/consumer/case/index' },
  merchant_new_case: { audience: 'merchant', page: 'pages/merchant/case/index' },
  merchant_clock_warning: { audience: 'merchant', page: 'pages/merchant/case/index' },
}

/** "pages/consumer/case/index?id=…": where a tap on the message lands. */
export function subscribePageFor(slot: SubscribeSlot, caseId: string): string {
  return `${SLOT_SPECS[slot].page}?id=${encodeURIComponent(caseId)}`
}

const EVENT_SLOTS: Record<string, SubscribeSlot> = {
  'consumer.accepted': 'consumer_accepted',
  'consumer.answered': 'consumer_answered',
  'consumer.closed': 'consumer_closed',
  'consumer.return_visited': 'consumer_return_visit',
  'merchant.submitted': 'merchant_new_case', // told at filing: the 45-minute promise starts with the shopper's complaint
  'merchant.dispatched': 'merchant_new_case',
}

const STAGE_PHRASE: Record<AlertStage, string> = { reminded: '时限过半', urged: '即将到期', overdue: '已超时' }

function slotOf(key: string, parsed: TemplateKey): SubscribeSlot | null {
  if (parsed.kind === 'event') return EVENT_SLOTS[key] ?? null
  if (parsed.kind === 'burst') return null // no subscribe slot: the inbox (and WeCom for staff) carries it
  // only clocks that run against the merchant reach the merchant's phone; station clocks stay on the board
  return DEFAULT_CLOCK_RULES[parsed.clockId]?.escalation.includes('merchant') ? 'merchant_clock_warning' : null
}

const wechatTime = (instant: string | undefined) =>
  instant === undefined || Number.isNaN(Date.parse(instant)) ? null : formatShanghaiDateTime(instant)

/**
 * The subscribe message for an outbox key, every value already inside WeChat's limits; null when the
 * key has no slot, the recipient is not the slot's audience, or the event instant is unreadable.
 */
export function subscribeDataFor(key: string, vars: SubscribeVars, recipient?: Role): SubscribePayload | null {
  const parsed = parseTemplateKey(key)
  const slot = parsed && slotOf(key, parsed)
  if (!parsed || !slot) return null
  if (recipient !== undefined && recipient !== SLOT_SPECS[slot].audience) return null
  const at = wechatTime(vars.at)
  if (at === null) return null
  const merchant = fitThing(vars.merchantName ?? '', '被投诉商家')
  const caseNo = fitCharacterString(vars.caseNo, 'KS')
  const base = { thing1: { value: merchant }, character_string2: { value: caseNo } }
  const note = (fallback: string) => ({ value: fitThing(vars.note ?? '', fallback) })
  switch (slot) {
    case 'consumer_accepted':
      return { templateSlot: slot, data: { ...base, time3: { value: at }, phrase4: { value: '已受理' } } }
    case 'consumer_answered':
      return {
        templateSlot: slot,
        data: { ...base, time3: { value: at }, phrase4: { value: '待确认' }, thing5: { value: '请进入小程序查看并确认方案' } },
      }
    case 'consumer_closed':
      return {
        templateSlot: slot,
        data: { ...base, time3: { value: at }, phrase4: { value: '已办结' }, thing5: note('请查看处理结果并评价') },
      }
    case 'consumer_return_visit':
      return { templateSlot: slot, data: { ...base, time3: { value: at }, phrase4: { value: '已回访' }, thing5: note('感谢您配合回访') } }
    case 'merchant_new_case':
      return { templateSlot: slot, data: { ...base, time3: { value: wechatTime(vars.dueAt) ?? at }, phrase4: { value: '待处理' } } }
    case 'merchant_clock_warning': {
      const stage = parsed.kind === 'clock' ? STAGE_PHRASE[parsed.stage] : '提醒'
      const label = vars.clockLabel ?? defaultClockLabel(key) ?? '处理'
      return {
        templateSlot: slot,
        data: {
          thing1: { value: fitThing(`${label}时限`, '处理时限') },
          character_string2: { value: caseNo },
          time3: { value: wechatTime(vars.dueAt) ?? at },
          phrase4: { value: fitPhrase(stage, '提醒') },
          thing5: { value: merchant },
        },
      }
    }
  }
}
