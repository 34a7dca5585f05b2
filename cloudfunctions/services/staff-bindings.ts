import { inviteCodeFrom, INVITE_CODE_BYTES } from '../../src/domain/merchant/invite'
import { maskSubject } from '../../src/domain/merchant/membership-view'
import { AppFailure, appError, fail, ok, type Result } from '../../src/domain/errors'
import { BINDING_CODE_TTL_HOURS } from '../../src/domain/staff/staff-api'
import type { StaffAccount } from '../ports/records'
import type { BindOutcome, StaffBinding, StaffBindingLogEntry } from '../ports/staff-bindings'
import type { ServiceContext } from './context'
import { checkStaffPassword } from './staff-auth'
import { beginTry, lockKeys, succeeded } from './staff-lockout'
import { staffInReach } from './staff-reach'

// Binding a staff account to the caller's OPENID, and undoing it (issue 15, docs/staff-identity.md).
// Every bind and unbind is written with its audit entry in one store write.

type Log = Omit<StaffBindingLogEntry, 'id' | 'at'>

const entry = (ctx: ServiceContext, log: Log): StaffBindingLogEntry => ({
  ...log,
  id: ctx.deps.ids.newId(),
  at: ctx.deps.clock.now().toISOString(),
})

async function boundAs(ctx: ServiceContext, outcome: BindOutcome, account: StaffAccount | null) {
  if (outcome.outcome === 'subject-taken') return fail('STAFF_SUBJECT_TAKEN')
  const staff = account ?? (await ctx.deps.store.getStaff(outcome.binding.staffId))
  if (!staff) return fail('STAFF_NOT_FOUND')
  const site = staff.siteId ? await ctx.deps.store.getSite(staff.siteId) : null
  return ok({ bindingId: outcome.binding.id, displayName: staff.displayName, role: staff.role, siteName: site?.name ?? null })
}

const subjectOf = (ctx: ServiceContext): string => {
  if (!ctx.caller.subject) throw new AppFailure(appError('UNAUTHENTICATED'))
  return ctx.caller.subject
}

/** A one-time code an administrator (or a station, for its site's staff) handed over → this OPENID is that account. */
export async function bindByCode(ctx: ServiceContext, code: string) {
  const { store, secrets, clock, ids } = ctx.deps
  const subject = subjectOf(ctx)
  const at = clock.now().toISOString()
  const outcome = await store.redeemBindingCode(secrets.hashToken(code), { bindingId: ids.newId(), logId: ids.newId(), subject, at })
  if (outcome.outcome === 'code-invalid') return fail('BINDING_CODE_INVALID')
  return boundAs(ctx, outcome, null)
}

/** Username and password, once; locked out after repeated failures as the desk's sign-in is. */
export async function bindByPassword(ctx: ServiceContext, username: string, password: string) {
  const subject = subjectOf(ctx)
  const keys = lockKeys(username, subject)
  const wait = await beginTry(ctx.deps, keys) // counted as a failure until it succeeds
  if (wait > 0) return fail('LOGIN_LOCKED', { password: `请 ${Math.ceil(wait / 60)} 分钟后再试` })
  const checked = await checkStaffPassword(ctx.deps, username, password)
  if (!checked.ok) return checked
  await succeeded(ctx.deps, keys)
  const account = checked.data
  const binding: StaffBinding = {
    id: ctx.deps.ids.newId(),
    staffId: account.id,
    subject,
    via: 'password',
    createdAt: ctx.deps.clock.now().toISOString(),
    revokedAt: null,
  }
  const log = entry(ctx, { action: 'bind', staffId: account.id, subject, via: 'password', actor: subject })
  return boundAs(ctx, await ctx.deps.store.bindStaff(binding, log), account)
}

const viewOf = (ctx: ServiceContext) => (b: StaffBinding) => ({
  id: b.id,
  staffId: b.staffId,
  subjectMasked: maskSubject(b.subject),
  via: b.via,
  createdAt: b.createdAt,
  revokedAt: b.revokedAt,
  mine: b.subject === ctx.caller.subject,
})

/** The bindings of the caller's own account (every phone it is bound on). */
export async function myBindings(ctx: ServiceContext) {
  const me = ctx.caller.staff
  if (!me) return fail('UNAUTHENTICATED')
  const items = await ctx.deps.store.listStaffBindingsOf(me.staffId)
  return ok({ items: items.map(viewOf(ctx)) })
}

/** A staff member unbinds one of their own account's bindings (this phone, or a lost one). */
export async function unbindMine(ctx: ServiceContext, bindingId: string) {
  const me = ctx.caller.staff
  if (!me) return fail('UNAUTHENTICATED')
  const binding = await ctx.deps.store.getStaffBinding(bindingId)
  if (!binding || binding.staffId !== me.staffId) return fail('STAFF_BINDING_NOT_FOUND')
  return revoke(ctx, binding, 'self')
}

async function revoke(
  ctx: ServiceContext,
  binding: StaffBinding,
  via: 'self' | 'admin',
): Promise<Result<ReturnType<ReturnType<typeof viewOf>>>> {
  const at = ctx.deps.clock.now().toISOString()
  const actor = ctx.caller.staff?.staffId ?? subjectOf(ctx)
  const log = entry(ctx, { action: 'unbind', staffId: binding.staffId, subject: binding.subject, via, actor })
  await ctx.deps.store.revokeStaffBinding(binding.id, at, log) // false: unbound already, which is what was asked
  const now = await ctx.deps.store.getStaffBinding(binding.id)
  return ok(viewOf(ctx)(now ?? { ...binding, revokedAt: at }))
}

/** A fresh binding code for an account in the caller's reach: shown once, only its hash kept. */
export async function issueBindingCode(ctx: ServiceContext, staffId: string) {
  const reach = await staffInReach(ctx, staffId)
  if (!reach.ok) return reach
  const { secrets, clock, store } = ctx.deps
  const code = inviteCodeFrom(secrets.randomBytes(INVITE_CODE_BYTES))
  if (!code) throw new AppFailure(appError('INTERNAL')) // a broken random source
  const now = clock.now()
  const expiresAt = new Date(now.getTime() + BINDING_CODE_TTL_HOURS * 3600_000).toISOString()
  const issuer = ctx.caller.staff?.staffId ?? 'unknown'
  const log = entry(ctx, { action: 'issue-code', staffId, subject: null, via: 'admin', actor: issuer })
  await store.saveBindingCode(
    { codeHash: secrets.hashToken(code), staffId, issuedBy: issuer, createdAt: now.toISOString(), expiresAt },
    log,
  )
  return ok({ staffId, code, expiresAt })
}

export async function listStaffBindings(ctx: ServiceContext, staffId: string) {
  const reach = await staffInReach(ctx, staffId)
  if (!reach.ok) return reach
  const items = await ctx.deps.store.listStaffBindingsOf(staffId)
  return ok({ items: items.map(viewOf(ctx)) })
}

/** An administrator (or the station, for its site's staff) unbinds one binding: it counts on the next call. */
export async function unbindStaff(ctx: ServiceContext, bindingId: string) {
  const binding = await ctx.deps.store.getStaffBinding(bindingId)
  if (!binding) return fail('STAFF_BINDING_NOT_FOUND')
  const reach = await staffInReach(ctx, binding.staffId)
  if (!reach.ok) return fail('STAFF_BINDING_NOT_FOUND')
  return revoke(ctx, binding, 'admin')
}
