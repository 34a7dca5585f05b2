import { fail, ok, type Result } from '../../src/domain/errors'
import { toCaseSummary } from './case-views'
import { DEFAULT_PAGE, type ServiceContext } from './context'
import type { z } from 'zod'
import type { MerchantHomeSchema } from '../../src/domain/api/contract'

type MerchantHome = z.infer<typeof MerchantHomeSchema>

/** A clerk's shop and its cases. The shop comes from the caller's membership, never from input. */
export async function getMerchantHome(ctx: ServiceContext): Promise<Result<MerchantHome>> {
  const membership = ctx.caller.memberships[0]
  if (!membership) return fail('FORBIDDEN')
  const { store } = ctx.deps
  const merchant = await store.getMerchant(membership.merchantId)
  if (!merchant) return fail('FORBIDDEN')
  const site = await store.getSite(merchant.siteId)
  const cases = await store.listCasesForMerchant(merchant.id, DEFAULT_PAGE)
  return ok({
    merchant: { code: merchant.code, name: merchant.name, siteName: site?.name ?? '' },
    cases: cases.map(toCaseSummary),
  })
}
