import { z } from 'zod'
import { CONTACT_CHANNELS, ContactScopeSchema, normalizeTarget, TARGET_ERRORS } from './contact.schema'
import { EVENT_CLASSES } from './event-class'
import { NOTIFY_ROLES } from './template-keys'

// Inputs and outputs of station.listNotificationContacts / saveNotificationContact /
// deleteNotificationContact; src/domain/api/contract.ts lists them. A target (robot key, phone)
// goes in whole and comes back only masked: the client never holds one it did not just type.

const OptionalId = z.string().trim().min(1).max(64).optional()

/** Which contacts: a station its own site's (omit both); a regulator names a site, an area, or neither (the deployment). */
export const ContactListInputSchema = z.object({ siteId: OptionalId, areaId: OptionalId })

export const ContactViewSchema = z.object({
  id: z.string(),
  scope: ContactScopeSchema,
  label: z.string(),
  roles: z.array(z.enum(NOTIFY_ROLES)),
  events: z.array(z.enum(EVENT_CLASSES)),
  channel: z.enum(CONTACT_CHANNELS),
  /** ****abcd: the last four characters, enough to tell two groups or phones apart */
  targetMasked: z.string(),
  updatedAt: z.string(),
  /** false for the area's or deployment's contacts shown to a station (they apply, it cannot change them) */
  editable: z.boolean(),
})
export type ContactView = z.infer<typeof ContactViewSchema>

export const SCOPE_KINDS = ['site', 'area', 'default'] as const

export const ContactListSchema = z.object({
  siteId: z.string().nullable(),
  siteName: z.string().nullable(),
  areaId: z.string().nullable(),
  /** the scopes the caller may add a contact at, most specific first */
  editableScopes: z.array(z.enum(SCOPE_KINDS)),
  /** most specific scope first, then by name */
  items: z.array(ContactViewSchema),
})

const TARGET_MISSING = { wecom: '请填写群机器人地址', sms: '请填写手机号码' } as const

export const SaveContactInputSchema = z
  .object({
    /** absent: a new contact */
    id: OptionalId,
    scope: ContactScopeSchema,
    label: z
      .string({ error: '请填写名称' })
      .trim()
      .min(1, { error: '请填写名称，如“星河广场值班群”' })
      .max(40, { error: '名称不能超过40字' }),
    roles: z
      .array(z.enum(NOTIFY_ROLES, { error: '消息对象不正确' }), { error: '请选择消息对象' })
      .min(1, { error: '请至少选择一类消息对象' }),
    events: z
      .array(z.enum(EVENT_CLASSES, { error: '消息类型不正确' }), { error: '请选择消息类型' })
      .min(1, { error: '请至少选择一类消息' }),
    channel: z.enum(CONTACT_CHANNELS, { error: '请选择发送方式' }),
    /** whole robot address / key, or phone; empty when editing keeps the stored one */
    target: z.string({ error: '格式不正确' }).trim().max(300, { error: '内容太长' }).default(''),
  })
  .superRefine((input, ctx) => {
    if (input.target === '') {
      if (!input.id) ctx.addIssue({ code: 'custom', path: ['target'], message: TARGET_MISSING[input.channel] })
      return
    }
    if (normalizeTarget(input.channel, input.target) === null)
      ctx.addIssue({ code: 'custom', path: ['target'], message: TARGET_ERRORS[input.channel] })
  })

export const DeleteContactInputSchema = z.object({ id: z.string({ error: '缺少联系人' }).min(1, { error: '缺少联系人' }).max(64) })
