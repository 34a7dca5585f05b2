import type { z } from 'zod'
import { fail, ok, type Result } from '../../src/domain/errors'
import type { Merchant } from '../../src/domain/merchant.schema'
import { commitmentOf } from '../../src/domain/merchant/commitment'
import { merchantEntryPath } from '../../src/domain/merchant/merchant-code'
import { merchantFromInput } from '../../src/domain/merchant/merchant-from-input'
import type {
  MerchantDetailSchema,
  MerchantListSchema,
  SavedMerchantSchema,
  SaveMerchantInputSchema,
} from '../../src/domain/merchant/registry-api'
import { maskName, maskPhone } from '../../src/domain/phone'
import type { ServiceContext } from './context'
import { loadMerchantRecord } from './merchant-record'
import { newMerchantCode } from './new-merchant-code'
import { merchantInScope, registrySite } from './registry-scope'

type MerchantList = z.infer<typeof MerchantListSchema>
type MerchantDetail = z.infer<typeof MerchantDetailSchema>
type SavedMerchant = z.infer<typeof SavedMerchantSchema>
type SaveMerchantInput = z.output<typeof SaveMerchantInputSchema>

// The station's register of its site's shops. The list masks each shop's contact; the shop's own
// page shows it in full, to the staff who may have to ring them.

/** Every shop of the site, by name. */
export async function listMerchants(ctx: ServiceContext, siteId: string | undefined): Promise<Result<MerchantList>> {
  const site = await registrySite(ctx, siteId)
  if (!site.ok) return site
  const merchants = await ctx.deps.store.listMerchantsOfSite(site.data.id)
  const items = merchants.map((m) => ({
    ...m,
    contactName: maskName(m.contactName),
    contactPhone: m.contactPhone ? maskPhone(m.contactPhone) : '',
  }))
  return ok({ siteId: site.data.id, siteName: site.data.name, items })
}

/** One shop with its record and the invites still open for its clerks. */
export async function getRegistryMerchant(ctx: ServiceContext, merchantId: string): Promise<Result<MerchantDetail>> {
  const scoped = await merchantInScope(ctx, merchantId)
  if (!scoped.ok) return scoped
  const { merchant, site } = scoped.data
  const now = ctx.deps.clock.now().toISOString()
  const [record, invites] = await Promise.all([
    loadMerchantRecord(ctx.deps, merchant.id),
    ctx.deps.store.listLiveInvitesOf(merchant.id, now),
  ])
  return ok({
    merchant,
    siteName: site.name,
    commitment: commitmentOf(merchant),
    record,
    invites: invites.map((i) => ({ id: i.id, createdAt: i.createdAt, expiresAt: i.expiresAt })),
    entryPath: merchantEntryPath(merchant.code),
  })
}

/** A second shop of the site under the same credit code is refused with the one that has it. */
async function usccClash(ctx: ServiceContext, m: Merchant): Promise<Result<null>> {
  const holder = await ctx.deps.store.findMerchantByUscc(m.siteId, m.uscc)
  if (!holder || holder.id === m.id) return ok(null)
  return fail('MERCHANT_USCC_TAKEN', { uscc: `本站点的“${holder.name}”已使用该统一社会信用代码` })
}

/** Create (no id: at the caller's site, with a new QR code) or edit (id: code and site stay). */
export async function saveRegistryMerchant(ctx: ServiceContext, input: SaveMerchantInput): Promise<Result<SavedMerchant>> {
  let merchant: Merchant
  if (input.id) {
    const scoped = await merchantInScope(ctx, input.id)
    if (!scoped.ok) return scoped
    const { id, siteId, code } = scoped.data.merchant
    merchant = merchantFromInput(input, { id, siteId, code })
  } else {
    const site = await registrySite(ctx, input.siteId)
    if (!site.ok) return site
    merchant = merchantFromInput(input, { id: ctx.deps.ids.newId(), siteId: site.data.id, code: await newMerchantCode(ctx.deps) })
  }
  const clash = await usccClash(ctx, merchant)
  if (!clash.ok) return clash
  await ctx.deps.store.saveMerchant(merchant)
  return ok({ merchant, created: !input.id })
}
