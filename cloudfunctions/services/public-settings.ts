import type { z } from 'zod'
import { fail, ok, type Result } from '../../src/domain/errors'
import type { StaffRole } from '../../src/domain/identity'
import type { PublicSettingsViewSchema } from '../../src/domain/public-records/public-records-station-api'
import { defaultSettings, type PublicSettings } from '../../src/domain/public-records/publication'
import type { Site } from '../../src/domain/site.schema'
import type { ServiceContext } from './context'
import { forgetPublicRecords } from './public-records'

// The threshold N of a site's public page: its own station staff, or a regulator or an administrator
// naming the site. Another site's station answers SITE_NOT_FOUND (no hint the site exists).

type SettingsView = z.infer<typeof PublicSettingsViewSchema>

/** The site a staff member of one of `roles` may act on: a station its own, the others the one they name. */
export async function staffSiteInScope(
  ctx: ServiceContext,
  siteId: string | undefined,
  roles: readonly StaffRole[],
): Promise<Result<Site>> {
  const staff = ctx.caller.staff
  if (!staff || !roles.includes(staff.role)) return fail('FORBIDDEN')
  const wanted = siteId ?? staff.siteId
  if (!wanted) return fail('VALIDATION_FAILED', { siteId: '请选择站点' })
  if (staff.siteId !== null && staff.siteId !== wanted) return fail('SITE_NOT_FOUND')
  const site = await ctx.deps.store.getSite(wanted)
  return site ? ok(site) : fail('SITE_NOT_FOUND')
}

const SETTINGS_ROLES = ['station', 'regulator', 'admin'] as const

/** updatedBy is kept as the staff id; shown as the staff member's name */
async function view(ctx: ServiceContext, s: PublicSettings): Promise<SettingsView> {
  const by = s.updatedBy ? ((await ctx.deps.store.getStaff(s.updatedBy))?.displayName ?? s.updatedBy) : null
  return { siteId: s.siteId, threshold: s.threshold, updatedBy: by, updatedAt: s.updatedAt }
}

export async function getPublicSettings(ctx: ServiceContext, siteId: string | undefined): Promise<Result<SettingsView>> {
  const site = await staffSiteInScope(ctx, siteId, SETTINGS_ROLES)
  if (!site.ok) return site
  return ok(await view(ctx, (await ctx.deps.store.getPublicSettings(site.data.id)) ?? defaultSettings(site.data.id)))
}

export async function savePublicThreshold(
  ctx: ServiceContext,
  siteId: string | undefined,
  threshold: number,
): Promise<Result<SettingsView>> {
  const site = await staffSiteInScope(ctx, siteId, SETTINGS_ROLES)
  if (!site.ok) return site
  const settings: PublicSettings = {
    siteId: site.data.id,
    threshold,
    updatedBy: ctx.caller.staff?.staffId ?? null, // always staff here (staffSiteInScope)
    updatedAt: ctx.deps.clock.now().toISOString(),
  }
  await ctx.deps.store.savePublicSettings(settings)
  forgetPublicRecords(ctx.deps, site.data.id)
  return ok(await view(ctx, settings))
}
