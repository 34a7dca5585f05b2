import { EVENT_TYPES, type EventType } from '../case.schema'
import type { ClockAlert } from '../clocks/case-clock'
import { CLOCK_IDS, type ClockId } from '../clocks/clock-rules'
import type { Role } from '../identity'

// The keys outbox rows carry (see cloudfunctions/services/case-notifications.ts and tick.ts):
//   `${role}.${eventType}`          a step of the case, told to one party
//   `clock.${clockId}.${stage}`     a clock warning: 提醒卡 / 催办卡 / 红牌
// The lists come from the domain arrays, so a new event type or clock gets a key (and a test) at once.

/** Who can be told about a step. Proxy helpers are not notified: the person they helped is. */
export const NOTIFY_ROLES = ['consumer', 'merchant', 'station', 'regulator'] as const satisfies readonly Role[]
export type NotifyRole = (typeof NOTIFY_ROLES)[number]

/** The clock stages that send something (running and stopped are silent). */
export const ALERT_STAGES = ['reminded', 'urged', 'overdue'] as const satisfies readonly ClockAlert['stage'][]
export type AlertStage = (typeof ALERT_STAGES)[number]

/** 突发消费事件 (docs/bursts-and-similar-cases.md): `burst.${role}.alert` to staff, `burst.consumer.group_message` to each complainant. */
export const BURST_NOTICES = ['alert', 'surge', 'group_message'] as const
export type BurstNotice = (typeof BURST_NOTICES)[number]

export type TemplateKey =
  | { kind: 'event'; role: NotifyRole; eventType: EventType }
  | { kind: 'clock'; clockId: ClockId; stage: AlertStage }
  | { kind: 'burst'; role: NotifyRole; notice: BurstNotice }

const includes = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value)

/** Splits a key into what it names; null for anything the workflow cannot produce. */
export function parseTemplateKey(key: string): TemplateKey | null {
  const parts = key.split('.')
  if (parts.length === 3 && parts[0] === 'clock') {
    const [, clockId, stage] = parts
    return includes(CLOCK_IDS, clockId) && includes(ALERT_STAGES, stage) ? { kind: 'clock', clockId, stage } : null
  }
  if (parts.length === 3 && parts[0] === 'burst') {
    const [, role, notice] = parts
    return includes(NOTIFY_ROLES, role) && includes(BURST_NOTICES, notice) ? { kind: 'burst', role, notice } : null
  }
  if (parts.length === 2) {
    const [role, eventType] = parts
    return includes(NOTIFY_ROLES, role) && includes(EVENT_TYPES, eventType) ? { kind: 'event', role, eventType } : null
  }
  return null
}

export function eventKey(role: NotifyRole, eventType: EventType): string {
  return `${role}.${eventType}`
}

export function burstKey(role: NotifyRole, notice: BurstNotice): string {
  return `burst.${role}.${notice}`
}

export function clockKey(clockId: ClockId, stage: AlertStage): string {
  return `clock.${clockId}.${stage}`
}

/** Every key the workflow can produce, in a stable order (roles × events, then clocks × stages). */
export function allTemplateKeys(): string[] {
  const events = NOTIFY_ROLES.flatMap((role) => EVENT_TYPES.map((type) => eventKey(role, type)))
  const clocks = CLOCK_IDS.flatMap((id) => ALERT_STAGES.map((stage) => clockKey(id, stage)))
  return [...events, ...clocks]
}
