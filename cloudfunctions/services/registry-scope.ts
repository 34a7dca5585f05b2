import { fail, ok, type Result } from '../../src/domain/errors'
import type { Merchant } from '../../src/domain/merchant.schema'
import type { Site } from '../../src/domain/site.schema'
import type { ServiceContext } from './context'

// Who may work on which part of the registry: a station its own site, a regulator any site (or its
// own, when its account is tied to one), an administrator any site. Anything outside answers "not found", never "forbidden":
// a station must not learn that another site's shop or binding exists.

const registryStaff = (ctx: ServiceContext) => {
  const staff = ctx.caller.staff
  // an administrator provisions shops for any site (issue 15), as a regulator without a site of its own
  return staff && (staff.role === 'station' || staff.role === 'regulator' || staff.role === 'admin') ? staff : null
}

const covers = (staffSiteId: string | null, siteId: string) => staffSiteId === null || staffSiteId === siteId

/** The site whose registry the caller works on: a station its own (siteId omitted), a regulator the one it names. */
export async function registrySite(ctx: ServiceContext, siteId: string | undefined): Promise<Result<Site>> {
  const staff = registryStaff(ctx)
  if (!staff) return fail('FORBIDDEN')
  const wanted = siteId ?? staff.siteId
  if (!wanted) return fail('VALIDATION_FAILED', { siteId: '请选择站点' })
  if (!covers(staff.siteId, wanted)) return fail('SITE_NOT_FOUND')
  const site = await ctx.deps.store.getSite(wanted)
  return site ? ok(site) : fail('SITE_NOT_FOUND')
}

export interface ScopedMerchant {
  merchant: Merchant
  site: Site
}

/** A shop the caller may manage, with its site; MERCHANT_NOT_FOUND for one outside the caller's reach. */
export async function merchantInScope(ctx: ServiceContext, merchantId: string): Promise<Result<ScopedMerchant>> {
  const staff = registryStaff(ctx)
  if (!staff) return fail('FORBIDDEN')
  const merchant = await ctx.deps.store.getMerchant(merchantId)
  if (!merchant || !covers(staff.siteId, merchant.siteId)) return fail('MERCHANT_NOT_FOUND')
  const site = await ctx.deps.store.getSite(merchant.siteId)
  return site ? ok({ merchant, site }) : fail('MERCHANT_NOT_FOUND')
}
