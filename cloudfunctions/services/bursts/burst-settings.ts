import { ok, type Result } from '../../../src/domain/errors'
import type { BurstSettingsView } from '../../../src/domain/similarity/burst-api'
import { defaultBurstSettings, type BurstSettings } from '../../../src/domain/similarity/burst-settings'
import type { ServiceContext } from '../context'
import { staffSiteInScope } from '../public-settings'

// 预警条件: a site's own K and window for 突发消费事件 (docs/bursts-and-similar-cases.md). Its own station
// staff, or a regulator or an administrator naming the site; another site's station answers
// SITE_NOT_FOUND (no hint the site exists). The burst pass reads the setting at its next tick.

const SETTINGS_ROLES = ['station', 'regulator', 'admin'] as const

/** updatedBy is kept as the staff id; shown as the staff member's name */
async function view(ctx: ServiceContext, s: BurstSettings): Promise<BurstSettingsView> {
  const by = s.updatedBy ? ((await ctx.deps.store.getStaff(s.updatedBy))?.displayName ?? s.updatedBy) : null
  return { siteId: s.siteId, k: s.k, windowHours: s.windowHours, updatedBy: by, updatedAt: s.updatedAt }
}

export async function getBurstSettings(ctx: ServiceContext, siteId: string | undefined): Promise<Result<BurstSettingsView>> {
  const site = await staffSiteInScope(ctx, siteId, SETTINGS_ROLES)
  if (!site.ok) return site
  return ok(await view(ctx, (await ctx.deps.store.getBurstSettings(site.data.id)) ?? defaultBurstSettings(site.data.id)))
}

export async function saveBurstSettings(
  ctx: ServiceContext,
  input: { siteId?: string; k: number; windowHours: number },
): Promise<Result<BurstSettingsView>> {
  const site = await staffSiteInScope(ctx, input.siteId, SETTINGS_ROLES)
  if (!site.ok) return site
  const settings: BurstSettings = {
    siteId: site.data.id,
    k: input.k,
    windowHours: input.windowHours,
    updatedBy: ctx.caller.staff?.staffId ?? null, // always staff here (staffSiteInScope)
    updatedAt: ctx.deps.clock.now().toISOString(),
  }
  await ctx.deps.store.saveBurstSettings(settings)
  return ok(await view(ctx, settings))
}
