import { parseTemplateKey } from './template-keys'

// What a notification contact listens for: a handful of classes of message, not the hundred-odd
// template keys. The class is derived from the outbox row's key here and nowhere else, so the
// dispatcher, the contacts page and the tests agree on what "a red card" is.
export const EVENT_CLASSES = ['new_case', 'escalation', 'overdue', 'reminder', 'status_update'] as const
export type EventClass = (typeof EVENT_CLASSES)[number]

export const EVENT_CLASS_LABELS: Record<EventClass, string> = {
  new_case: '新投诉',
  escalation: '升级督办',
  overdue: '超时红牌',
  reminder: '时限提醒（提醒卡、催办卡）',
  status_update: '其他进展',
}

/**
 * `station.submitted` → new_case, `*.escalated` → escalation, `clock.*.overdue` → overdue (红牌),
 * `clock.*.reminded|urged` → reminder, every other step → status_update; null for a key the
 * workflow cannot produce.
 */
export function eventClassOf(templateKey: string): EventClass | null {
  const key = parseTemplateKey(templateKey)
  if (!key) return null
  if (key.kind === 'clock') return key.stage === 'overdue' ? 'overdue' : 'reminder'
  // a burst alert is copied where escalations go (the station's and the regulator's WeCom groups)
  if (key.kind === 'burst') return key.notice === 'group_message' ? 'status_update' : 'escalation'
  if (key.eventType === 'submitted') return 'new_case'
  if (key.eventType === 'escalated') return 'escalation'
  return 'status_update'
}
