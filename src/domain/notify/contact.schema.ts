import { z } from 'zod'
import { normalizePhone } from '../phone'
import { EVENT_CLASSES } from './event-class'
import { NOTIFY_ROLES } from './template-keys'

// A notification contact: who, besides the in-app inbox, hears which messages, and where. Like a
// FixMyStreet body's contact with its send method, but scoped: a site (one mall or market), a
// regulator's area (a district bureau's jurisdiction), or the whole deployment. Routing is in
// contact-routing.ts; the env's WECOM_WEBHOOK_KEY is the last fallback (deployment-defaults.ts).

export const CONTACT_CHANNELS = ['wecom', 'sms'] as const
export type ContactChannel = (typeof CONTACT_CHANNELS)[number]

export const CONTACT_CHANNEL_LABELS: Record<ContactChannel, string> = { wecom: '企业微信群机器人', sms: '短信' }

const ScopeId = z.string({ error: '请填写编号' }).trim().min(1, { error: '请填写编号' }).max(64, { error: '编号太长' })

export const ContactScopeSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('site'), siteId: ScopeId }),
    z.object({ kind: z.literal('area'), areaId: ScopeId }),
    z.object({ kind: z.literal('default') }),
  ],
  { error: '请选择适用范围' },
)
export type ContactScope = z.infer<typeof ContactScopeSchema>
export type ScopeKind = ContactScope['kind']

/** The robot's key: what follows key= in the webhook address WeCom shows (same rule as WECOM_WEBHOOK_KEY). */
export const ROBOT_KEY = /^[A-Za-z0-9-]{8,64}$/

/** People paste the whole webhook address; the key is the part after key=. */
export function robotKeyFrom(text: string): string {
  const trimmed = text.trim()
  const match = /[?&]key=([^&#\s]+)/.exec(trimmed)
  return match ? decodeURIComponent(match[1]) : trimmed
}

/** The target as stored: a robot key, or an 11-digit mobile number; null when it is neither. */
export function normalizeTarget(channel: ContactChannel, text: string): string | null {
  if (channel === 'sms') return normalizePhone(text)
  const key = robotKeyFrom(text)
  return ROBOT_KEY.test(key) ? key : null
}

export const TARGET_ERRORS: Record<ContactChannel, string> = {
  wecom: '请粘贴群机器人的 Webhook 地址，或其中 key= 后面的一串字符',
  sms: '请填写11位手机号码',
}

/** What routing needs of a contact. */
export const ContactRuleSchema = z.object({
  scope: ContactScopeSchema,
  roles: z.array(z.enum(NOTIFY_ROLES)).min(1),
  events: z.array(z.enum(EVENT_CLASSES)).min(1),
  channel: z.enum(CONTACT_CHANNELS),
  /** robot key or mobile number: a secret, sealed at rest and masked towards the client */
  target: z.string().min(1),
})
export type ContactRule = z.infer<typeof ContactRuleSchema>

/** A contact as stored: a rule with a name people recognise and who last changed it. */
export const NotificationContactSchema = ContactRuleSchema.extend({
  id: z.string().min(1),
  /** e.g. 星河广场值班群 — the page lists contacts by it */
  label: z.string().min(1).max(40),
  updatedBy: z.string(),
  updatedAt: z.string(),
})
export type NotificationContact = z.infer<typeof NotificationContactSchema>

/** What the client sees of a target: its last four characters, never more. */
export function maskTarget(target: string): string {
  return `****${target.slice(-4)}`
}

/** One save or delete of a contact, kept for the record (the key is a credential: who changed it matters). */
export const ContactChangeSchema = z.object({
  id: z.string().min(1),
  contactId: z.string().min(1),
  scope: ContactScopeSchema,
  change: z.enum(['saved', 'deleted']),
  by: z.object({ role: z.string(), id: z.string() }),
  at: z.string(),
})
export type ContactChange = z.infer<typeof ContactChangeSchema>
