import type { ActionInput, ActionOutput } from '../../../domain/api/contract'
import type { FieldErrors } from '../../../domain/errors'
import { ROLE_LABELS } from '../../../domain/labels'
import type { ContactView } from '../../../domain/notify/contact-api'
import {
  CONTACT_CHANNEL_LABELS,
  normalizeTarget,
  TARGET_ERRORS,
  type ContactChannel,
  type ScopeKind,
} from '../../../domain/notify/contact.schema'
import { EVENT_CLASS_LABELS, EVENT_CLASSES, type EventClass } from '../../../domain/notify/event-class'
import { NOTIFY_ROLES, type NotifyRole } from '../../../domain/notify/template-keys'

// The contacts page's words and its form, worked out from the server's list. The checks here only
// spare a round trip for the obvious (a box left empty); the server's are the ones that count.
export type ContactList = ActionOutput<'station', 'listNotificationContacts'>
export type SaveInput = ActionInput<'station', 'saveNotificationContact'>

export const SCOPE_WORDS: Record<ScopeKind, string> = { site: '本站点', area: '所属辖区', default: '全局默认' }

export function scopeLabel(view: Pick<ContactView, 'scope'>): string {
  const s = view.scope
  if (s.kind === 'site') return `站点（${s.siteId}）`
  if (s.kind === 'area') return `辖区（${s.areaId}）`
  return '全局默认'
}

export const ROLE_OPTIONS = NOTIFY_ROLES.map((role) => ({ value: role, label: `发给${ROLE_LABELS[role]}的通知` }))
export const EVENT_OPTIONS = EVENT_CLASSES.map((cls) => ({ value: cls, label: EVENT_CLASS_LABELS[cls] }))
export const CHANNEL_OPTIONS = (['wecom', 'sms'] as const).map((ch) => ({ value: ch, label: CONTACT_CHANNEL_LABELS[ch] }))

export const TARGET_LABEL: Record<ContactChannel, string> = { wecom: '群机器人 Webhook 地址', sms: '接收短信的手机号码' }

export interface ContactForm {
  /** '' for a new contact */
  id: string
  scopeKind: ScopeKind
  label: string
  channel: ContactChannel
  target: string
  roles: NotifyRole[]
  events: EventClass[]
  /** what the stored target ends with, shown while editing (the whole one never reaches the page) */
  targetMasked: string
  /** the stored target's channel: an empty target keeps the stored one only on the same channel */
  storedChannel: ContactChannel | null
}

export function newForm(list: ContactList): ContactForm {
  return {
    id: '',
    scopeKind: list.editableScopes[0] ?? 'site',
    label: '',
    channel: 'wecom',
    target: '',
    roles: ['station', 'regulator'],
    events: ['escalation', 'overdue'],
    targetMasked: '',
    storedChannel: null,
  }
}

export function formOf(view: ContactView): ContactForm {
  return {
    id: view.id,
    scopeKind: view.scope.kind,
    label: view.label,
    channel: view.channel,
    target: '',
    roles: [...view.roles],
    events: [...view.events],
    targetMasked: view.targetMasked,
    storedChannel: view.channel,
  }
}

/** The form → what to send, or the fields to fix first. */
export function inputOf(form: ContactForm, list: ContactList): { input: SaveInput } | { errors: FieldErrors } {
  const errors: FieldErrors = {}
  if (!form.label.trim()) errors.label = '请填写名称，如“星河广场值班群”'
  if (form.roles.length === 0) errors.roles = '请至少选择一类消息对象'
  if (form.events.length === 0) errors.events = '请至少选择一类消息'
  const keeps = form.id !== '' && form.target.trim() === '' && form.storedChannel === form.channel
  if (!keeps && form.target.trim() === '') errors.target = form.channel === 'wecom' ? '请填写群机器人地址' : '请填写手机号码'
  else if (!keeps && normalizeTarget(form.channel, form.target) === null) errors.target = TARGET_ERRORS[form.channel]
  const scope =
    form.scopeKind === 'site' && list.siteId
      ? ({ kind: 'site', siteId: list.siteId } as const)
      : form.scopeKind === 'area' && list.areaId
        ? ({ kind: 'area', areaId: list.areaId } as const)
        : form.scopeKind === 'default'
          ? ({ kind: 'default' } as const)
          : null
  if (!scope) errors.scope = '请选择适用范围'
  if (Object.keys(errors).length > 0 || !scope) return { errors }
  return {
    input: {
      ...(form.id ? { id: form.id } : {}),
      scope,
      label: form.label.trim(),
      channel: form.channel,
      target: form.target.trim(),
      roles: form.roles,
      events: form.events,
    },
  }
}

/** A server error path (scope.siteId) → the form field it belongs to (scope). */
export const fieldOfError = (path: string) => path.split('.')[0]
