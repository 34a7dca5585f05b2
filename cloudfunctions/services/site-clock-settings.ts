import type { z } from 'zod'
import type { SiteClockSettingsSchema } from '../../src/domain/api/contract'
import {
  CLOCK_IDS,
  COMPLETION_KINDS,
  DEFAULT_CLOCK_RULES,
  DEFAULT_COMPLETION_EXTENSION,
  ruleFor,
  type ClockSettings,
} from '../../src/domain/clocks/clock-rules'
import { fail, ok, type Result } from '../../src/domain/errors'
import type { Site } from '../../src/domain/site.schema'
import type { ServiceContext } from './context'

type SiteClockSettings = z.infer<typeof SiteClockSettingsSchema>

// A site's clock numbers. Station staff set their own site's; a regulator names the site. New
// numbers apply to clocks started from now on: a clock already running keeps the deadline it was
// given (and explained) when it started.

/** Which site the caller may configure: a station its own, a regulator any it names. */
async function siteInScope(ctx: ServiceContext, siteId: string | undefined): Promise<Result<Site>> {
  const staff = ctx.caller.staff
  if (!staff || (staff.role !== 'station' && staff.role !== 'regulator')) return fail('FORBIDDEN')
  const wanted = siteId ?? staff.siteId
  if (!wanted) return fail('VALIDATION_FAILED', { siteId: '请选择站点' })
  if (staff.siteId !== null && staff.siteId !== wanted) return fail('SITE_NOT_FOUND') // another site's: no hint it exists
  const site = await ctx.deps.store.getSite(wanted)
  return site ? ok(site) : fail('SITE_NOT_FOUND')
}

function view(site: Site): SiteClockSettings {
  const settings: ClockSettings = site.clockSettings
  // completion is listed per kind below; the call-back sample's due day is the 10th, not an amount (callback-due.ts)
  const plain = CLOCK_IDS.filter((id) => id !== 'completion' && id !== 'callback_sample').map((id) => {
    const rule = ruleFor(id, settings)
    return { clockId: id, label: rule.label, unit: rule.unit, amount: rule.amount, kind: null }
  })
  const completion = COMPLETION_KINDS.map((kind) => {
    const rule = ruleFor('completion', settings, kind)
    return { clockId: 'completion', label: DEFAULT_CLOCK_RULES.completion.label, unit: rule.unit, amount: rule.amount, kind }
  })
  const extension = {
    clockId: 'completion',
    label: '复杂案件延期',
    unit: 'working_days',
    amount: settings.completionExtension ?? DEFAULT_COMPLETION_EXTENSION,
    kind: 'extension',
  }
  return { siteId: site.id, siteName: site.name, settings: site.clockSettings, effective: [...plain, ...completion, extension] }
}

export async function getClockSettings(ctx: ServiceContext, siteId: string | undefined): Promise<Result<SiteClockSettings>> {
  const site = await siteInScope(ctx, siteId)
  return site.ok ? ok(view(site.data)) : site
}

export async function saveClockSettings(
  ctx: ServiceContext,
  siteId: string | undefined,
  settings: Site['clockSettings'],
): Promise<Result<SiteClockSettings>> {
  const site = await siteInScope(ctx, siteId)
  if (!site.ok) return site
  const updated: Site = { ...site.data, clockSettings: settings }
  await ctx.deps.store.saveSite(updated)
  return ok(view(updated))
}
