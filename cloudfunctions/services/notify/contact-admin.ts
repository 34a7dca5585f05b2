import type { z } from 'zod'
import type { ContactListSchema, SaveContactInputSchema } from '../../../src/domain/notify/contact-api'
import type { ContactView } from '../../../src/domain/notify/contact-api'
import { maskTarget, normalizeTarget, type ContactScope, type NotificationContact } from '../../../src/domain/notify/contact.schema'
import { SCOPE_RANK } from '../../../src/domain/notify/contact-routing'
import { NOTIFY_ROLES } from '../../../src/domain/notify/template-keys'
import { EVENT_CLASSES } from '../../../src/domain/notify/event-class'
import { fail, ok, type Result } from '../../../src/domain/errors'
import type { StaffIdentity } from '../../../src/domain/identity'
import type { ServiceContext } from '../context'

type ContactList = z.infer<typeof ContactListSchema>
type SaveInput = z.output<typeof SaveContactInputSchema>

// Editing who hears what (station.*NotificationContact). Object-level scope: staff tied to a site
// (a station) read that site's contacts, with the area's and the deployment's that also apply to
// it, and change only the site's own; a regulator without a site changes any. Another site's
// contact answers CONTACT_NOT_FOUND, with no hint that it exists. Every save and delete is recorded
// with who did it (the store keeps the change log in the same transaction).

function adminOf(ctx: ServiceContext): Result<StaffIdentity> {
  const staff = ctx.caller.staff
  return staff && (staff.role === 'station' || staff.role === 'regulator') ? ok(staff) : fail('FORBIDDEN')
}

/** Staff tied to a site change only that site's contacts; staff over every site change any. */
const canEdit = (staff: StaffIdentity, scope: ContactScope) =>
  staff.siteId === null || (scope.kind === 'site' && scope.siteId === staff.siteId)

const viewOf = (staff: StaffIdentity, c: NotificationContact): ContactView => ({
  id: c.id,
  scope: c.scope,
  label: c.label,
  roles: c.roles,
  events: c.events,
  channel: c.channel,
  targetMasked: maskTarget(c.target),
  updatedAt: c.updatedAt,
  editable: canEdit(staff, c.scope),
})

const mostSpecificFirst = (a: NotificationContact, b: NotificationContact) =>
  SCOPE_RANK[a.scope.kind] - SCOPE_RANK[b.scope.kind] || a.label.localeCompare(b.label, 'zh')

export async function listNotificationContacts(
  ctx: ServiceContext,
  input: { siteId?: string; areaId?: string },
): Promise<Result<ContactList>> {
  const admin = adminOf(ctx)
  if (!admin.ok) return admin
  const staff = admin.data
  const { store } = ctx.deps
  const siteId = input.siteId ?? staff.siteId ?? undefined
  if (staff.siteId !== null && (siteId !== staff.siteId || input.areaId)) return fail('SITE_NOT_FOUND') // another site's: no hint it exists
  const build = (contacts: NotificationContact[], where: Omit<ContactList, 'items' | 'editableScopes'>): ContactList => ({
    ...where,
    editableScopes:
      staff.siteId !== null ? ['site'] : where.siteId ? ['site', 'default'] : where.areaId ? ['area', 'default'] : ['default'],
    items: [...contacts].sort(mostSpecificFirst).map((c) => viewOf(staff, c)),
  })
  if (siteId) {
    const site = await store.getSite(siteId)
    if (!site) return fail('SITE_NOT_FOUND')
    const areaId = site.areaId ?? null
    const list = build(await store.listContactsFor(site.id, areaId), { siteId: site.id, siteName: site.name, areaId })
    // a regulator looking at a site in an area may also set the area's contacts from here
    if (staff.siteId === null && areaId) list.editableScopes = ['site', 'area', 'default']
    return ok(list)
  }
  const areaId = input.areaId ?? null
  const contacts = [
    ...(areaId ? await store.listContactsAt({ kind: 'area', areaId }) : []),
    ...(await store.listContactsAt({ kind: 'default' })),
  ]
  return ok(build(contacts, { siteId: null, siteName: null, areaId }))
}

/** Roles and classes in their canonical order, each once (the page may send them in any order). */
const ordered = <T extends string>(all: readonly T[], picked: readonly T[]) => all.filter((x) => picked.includes(x))

export async function saveNotificationContact(ctx: ServiceContext, input: SaveInput): Promise<Result<ContactView>> {
  const admin = adminOf(ctx)
  if (!admin.ok) return admin
  const staff = admin.data
  const { store, clock, ids } = ctx.deps
  if (!canEdit(staff, input.scope)) return staff.siteId !== null && input.scope.kind === 'site' ? fail('SITE_NOT_FOUND') : fail('FORBIDDEN')
  if (input.scope.kind === 'site' && !(await store.getSite(input.scope.siteId))) return fail('SITE_NOT_FOUND')
  const existing = input.id ? await store.getContact(input.id) : null
  if (input.id && (!existing || !canEdit(staff, existing.scope))) return fail('CONTACT_NOT_FOUND')

  // an empty target while editing keeps the stored one: the client never had it to send back
  const typed = input.target ? normalizeTarget(input.channel, input.target) : null
  const target = typed ?? (existing && existing.channel === input.channel ? existing.target : null)
  if (!target) return fail('VALIDATION_FAILED', { target: input.channel === 'wecom' ? '请填写群机器人地址' : '请填写手机号码' })

  const at = clock.now().toISOString()
  const contact: NotificationContact = {
    id: existing?.id ?? ids.newId(),
    scope: input.scope,
    label: input.label,
    roles: ordered(NOTIFY_ROLES, input.roles),
    events: ordered(EVENT_CLASSES, input.events),
    channel: input.channel,
    target,
    updatedBy: staff.staffId,
    updatedAt: at,
  }
  await store.saveContact(contact, changeBy(ctx, staff, contact, 'saved', at))
  return ok(viewOf(staff, contact))
}

export async function deleteNotificationContact(ctx: ServiceContext, id: string): Promise<Result<{ id: string }>> {
  const admin = adminOf(ctx)
  if (!admin.ok) return admin
  const staff = admin.data
  const existing = await ctx.deps.store.getContact(id)
  if (!existing || !canEdit(staff, existing.scope)) return fail('CONTACT_NOT_FOUND')
  const deleted = await ctx.deps.store.deleteContact(id, changeBy(ctx, staff, existing, 'deleted', ctx.deps.clock.now().toISOString()))
  return deleted ? ok({ id }) : fail('CONTACT_NOT_FOUND')
}

const changeBy = (ctx: ServiceContext, staff: StaffIdentity, c: NotificationContact, change: 'saved' | 'deleted', at: string) => ({
  id: ctx.deps.ids.newId(),
  contactId: c.id,
  scope: c.scope,
  change,
  by: { role: staff.role, id: staff.staffId },
  at,
})
