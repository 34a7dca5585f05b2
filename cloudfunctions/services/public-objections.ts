import type { z } from 'zod'
import { fail, ok, type Result } from '../../src/domain/errors'
import type { ObjectionViewSchema } from '../../src/domain/public-records/public-records-merchant-api'
import { decisionOn, type Objection } from '../../src/domain/public-records/objection'
import { shanghaiMonth } from '../../src/domain/public-records/public-figures'
import type { ServiceContext } from './context'
import { computeEntries, forgetPublicRecords } from './public-records'
import { staffSiteInScope } from './public-settings'

// 异议 (docs/public-records.md): a clerk objects to their shop's published entry with a reason; the
// station of the shop's site (a regulator: any) upholds — the entry's figures so far are withdrawn
// from the page — or rejects — the entry stays. Who decided, when and why is kept and shown to the shop.

type ObjectionView = z.infer<typeof ObjectionViewSchema>

/** Who decided, as a person reads it: the staff member's name for staff; the shop reads 维权站 (the station's people stay unnamed to it). */
async function deciderNames(ctx: ServiceContext, items: readonly Objection[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const id of new Set(items.flatMap((o) => (o.decidedBy ? [o.decidedBy] : [])))) {
    out.set(id, ctx.caller.staff ? ((await ctx.deps.store.getStaff(id))?.displayName ?? id) : '维权站')
  }
  return out
}

async function viewOf(ctx: ServiceContext, items: readonly Objection[]): Promise<ObjectionView[]> {
  const names = new Map<string, string>()
  for (const id of new Set(items.map((o) => o.merchantId))) names.set(id, (await ctx.deps.store.getMerchant(id))?.name ?? '')
  const deciders = await deciderNames(ctx, items)
  return items.map(({ filedBy: _clerk, siteId: _site, ...o }) => ({
    ...o,
    merchantName: names.get(o.merchantId) ?? '',
    decidedBy: o.decidedBy ? (deciders.get(o.decidedBy) ?? o.decidedBy) : null,
  }))
}

/** The caller's own shop: the one named (if they are its clerk) or their first; another shop's is not found. */
function ownShop(ctx: ServiceContext, merchantId: string | undefined): Result<{ merchantId: string; siteId: string }> {
  const m = merchantId ? ctx.caller.memberships.find((x) => x.merchantId === merchantId) : ctx.caller.memberships[0]
  return m ? ok(m) : fail('MERCHANT_NOT_FOUND')
}

export async function fileObjection(ctx: ServiceContext, merchantId: string | undefined, reason: string): Promise<Result<ObjectionView>> {
  const shop = ownShop(ctx, merchantId)
  if (!shop.ok || !ctx.caller.subject) return fail('MERCHANT_NOT_FOUND')
  const { store, clock, ids } = ctx.deps
  const page = await computeEntries(ctx.deps, shop.data.siteId)
  if (!page?.entries.some((e) => e.merchantId === shop.data.merchantId)) return fail('NOT_PUBLISHED')
  const now = clock.now().toISOString()
  const objection: Objection = {
    id: ids.newId(),
    siteId: shop.data.siteId,
    merchantId: shop.data.merchantId,
    filedBy: ctx.caller.subject,
    reason,
    filedAt: now,
    periodThrough: shanghaiMonth(now),
    status: 'pending',
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
    withdrawnThrough: null,
  }
  if (!(await store.createObjection(objection))) return fail('OBJECTION_PENDING')
  forgetPublicRecords(ctx.deps, objection.siteId) // the page now says 异议核实中
  return ok((await viewOf(ctx, [objection]))[0])
}

export async function myObjections(ctx: ServiceContext, merchantId: string | undefined): Promise<Result<{ items: ObjectionView[] }>> {
  const shop = ownShop(ctx, merchantId)
  if (!shop.ok) return shop
  return ok({ items: await viewOf(ctx, await ctx.deps.store.listObjectionsOfMerchant(shop.data.merchantId)) })
}

export async function listObjections(ctx: ServiceContext, siteId: string | undefined): Promise<Result<{ items: ObjectionView[] }>> {
  const site = await staffSiteInScope(ctx, siteId, ['station', 'regulator'])
  if (!site.ok) return site
  return ok({ items: await viewOf(ctx, await ctx.deps.store.listObjectionsOfSite(site.data.id)) })
}

export async function decideObjection(
  ctx: ServiceContext,
  objectionId: string,
  uphold: boolean,
  reason: string,
): Promise<Result<ObjectionView>> {
  const staff = ctx.caller.staff
  if (!staff) return fail('FORBIDDEN')
  const objection = await ctx.deps.store.getObjection(objectionId)
  // another site's objection is not found for a station (no hint it exists)
  if (!objection || (staff.siteId !== null && staff.siteId !== objection.siteId)) return fail('OBJECTION_NOT_FOUND')
  if (objection.status !== 'pending') return fail('OBJECTION_DECIDED')
  const decision = decisionOn(objection, uphold, staff.staffId, ctx.deps.clock.now().toISOString(), reason)
  const decided = await ctx.deps.store.decideObjection(objectionId, decision)
  if (!decided) return fail('OBJECTION_DECIDED')
  forgetPublicRecords(ctx.deps, decided.siteId)
  return ok((await viewOf(ctx, [decided]))[0])
}
