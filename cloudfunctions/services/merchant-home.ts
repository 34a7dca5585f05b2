import { fail, ok, type Result } from '../../src/domain/errors'
import { loadCaseDetail, loadSummaries } from './case-views'
import { logAccess } from './access-log'
import { canSee } from './case-actions'
import type { CaseDetail } from '../../src/domain/case-view.schema'
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
    cases: await loadSummaries(ctx.deps, cases),
  })
}

/** One of the shop's cases, for answering: the complainant masked unless they opted in. */
export async function getMerchantCase(ctx: ServiceContext, caseId: string): Promise<Result<CaseDetail>> {
  const found = await ctx.deps.store.getCase(caseId)
  if (!found || !canSee(ctx.caller, found, 'merchant')) return fail('CASE_NOT_FOUND')
  await logAccess(ctx.deps, found.id, { role: 'merchant', id: ctx.caller.subject! }, 'merchant.getCase')
  return ok(await loadCaseDetail(ctx.deps, found, 'merchant', 'merchant'))
}
