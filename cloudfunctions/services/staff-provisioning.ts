import { fail, ok } from '../../src/domain/errors'
import type { Site } from '../../src/domain/site.schema'
import type { z } from 'zod'
import type { CreateStaffInputSchema, SaveSiteInputSchema } from '../../src/domain/staff/staff-api'
import type { StaffAccount } from '../ports/records'
import type { StaffBindingLogEntry } from '../ports/staff-bindings'
import type { ServiceContext } from './context'

// An administrator provisions a fresh environment without the demo seed (issue 15): sites, staff
// accounts (station, proxy, regulator, admin) and — through the registry's own actions — shops.
// Nothing here reads a case. The policy admits only 'admin' to these actions.

const siteView = (s: Site) => ({ id: s.id, name: s.name, address: s.address, hotline: s.hotline, areaId: s.areaId ?? null })
export const staffView = (a: StaffAccount) => ({
  id: a.id,
  username: a.username,
  displayName: a.displayName,
  role: a.role,
  siteId: a.siteId,
  disabled: !!a.disabledAt,
})

/**
 * The account's audit entry for a provisioning step, appended after the account is saved: the account
 * and the log live behind different store ports, so they cannot share one transaction. Written after,
 * never before, so the log names no change that did not happen (a crash in between loses the entry).
 */
async function logProvisioning(ctx: ServiceContext, action: StaffBindingLogEntry['action'], staffId: string) {
  const { store, ids, clock } = ctx.deps
  const actor = ctx.caller.staff?.staffId ?? ctx.caller.subject ?? 'unknown'
  await store.appendStaffBindingLog({ id: ids.newId(), action, staffId, subject: null, via: 'admin', actor, at: clock.now().toISOString() })
}

export async function listSites(ctx: ServiceContext) {
  return ok({ items: (await ctx.deps.store.listSites()).map(siteView) })
}

/** An administrator's list (every account, or one site's); a station's: its own site's station and proxy accounts. */
export async function listStaff(ctx: ServiceContext, siteId: string | undefined) {
  const me = ctx.caller.staff
  if (!me) return fail('UNAUTHENTICATED')
  const all = await ctx.deps.store.listStaffAccounts()
  const mine =
    me.role === 'admin'
      ? all.filter((a) => !siteId || a.siteId === siteId)
      : all.filter(
          (a) => me.role === 'station' && me.siteId !== null && a.siteId === me.siteId && (a.role === 'station' || a.role === 'proxy'),
        )
  return ok({ items: mine.map(staffView) })
}

export async function saveSite(ctx: ServiceContext, input: z.output<typeof SaveSiteInputSchema>) {
  const { store, ids } = ctx.deps
  const before = input.id ? await store.getSite(input.id) : null
  if (input.id && !before) return fail('SITE_NOT_FOUND')
  const site: Site = {
    // an existing site keeps its clock settings; a new one starts with the defaults
    clockSettings: before?.clockSettings ?? { amounts: {}, completion: {} },
    id: before?.id ?? ids.newId(),
    name: input.name,
    address: input.address,
    hotline: input.hotline,
    ...(input.areaId ? { areaId: input.areaId } : {}),
  }
  await store.saveSite(site)
  return ok(siteView(site))
}

export async function createStaff(ctx: ServiceContext, input: z.output<typeof CreateStaffInputSchema>) {
  const { store, ids, secrets, clock } = ctx.deps
  // a station or proxy point works at one site; an administrator at none; a regulator at one or all
  if ((input.role === 'station' || input.role === 'proxy') && !input.siteId) return fail('VALIDATION_FAILED', { siteId: '请选择站点' })
  if (input.role === 'admin' && input.siteId) return fail('VALIDATION_FAILED', { siteId: '管理员不属于某个站点' })
  if (input.siteId && !(await store.getSite(input.siteId))) return fail('SITE_NOT_FOUND')
  if (await store.findStaffByUsername(input.username)) return fail('STAFF_USERNAME_TAKEN')
  const account: StaffAccount = {
    id: ids.newId(),
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    siteId: input.siteId ?? null,
    // without a password the account is bound by code only; the random one below is never told to anyone
    passwordHash: await secrets.hashPassword(input.password ?? secrets.newToken()),
    createdAt: clock.now().toISOString(),
  }
  try {
    await store.saveStaff(account)
  } catch (err) {
    // two administrators racing for one username: the store's guard refused the second
    if (await store.findStaffByUsername(input.username)) return fail('STAFF_USERNAME_TAKEN')
    throw err
  }
  await logProvisioning(ctx, 'account-created', account.id)
  return ok(staffView(account))
}

/** Disable (or enable again) an account: a disabled one signs in nowhere and its bindings resolve to nobody. */
export async function setStaffDisabled(ctx: ServiceContext, staffId: string, disabled: boolean) {
  const { store, clock } = ctx.deps
  const account = await store.getStaff(staffId)
  if (!account) return fail('STAFF_NOT_FOUND')
  if (disabled && ctx.caller.staff?.staffId === staffId) return fail('VALIDATION_FAILED', { staffId: '不能停用自己的账号' })
  const { disabledAt: _was, ...rest } = account
  const next: StaffAccount = disabled ? { ...rest, disabledAt: account.disabledAt ?? clock.now().toISOString() } : rest
  await store.saveStaff(next)
  // only a real change is on record: disabling a disabled account (or enabling an enabled one) changes nothing
  if (!!account.disabledAt !== disabled) await logProvisioning(ctx, disabled ? 'account-disabled' : 'account-enabled', staffId)
  return ok(staffView(next))
}
