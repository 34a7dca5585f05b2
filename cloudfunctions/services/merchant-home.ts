import { fail, ok, type Result } from '../../src/domain/errors'
import { loadCaseDetail, toCaseSummary } from './case-views'
import { logAccess } from './access-log'
import { canSee } from './case-actions'
import type { CaseDetail } from '../../src/domain/case-view.schema'
import { DEFAULT_PAGE, type ServiceContext } from './context'
import type { z } from 'zod'
import type { MerchantCaseSummarySchema, MerchantHomeSchema } from '../../src/domain/api/contract'
import type { Case } from '../../src/domain/case.schema'
import type { CaseClock } from '../../src/domain/clocks/case-clock'
import type { ClockId } from '../../src/domain/clocks/clock-rules'
import { clockView } from '../../src/domain/clocks/clock-view'
import { commitmentOf } from '../../src/domain/merchant/commitment'
import { loadMerchantRecord } from './merchant-record'

type MerchantHome = z.infer<typeof MerchantHomeSchema>
type MerchantCaseSummary = z.infer<typeof MerchantCaseSummarySchema>

/** A case in the inbox with the shop's own two clocks, for countdowns (the soonest clock may be another). */
function inboxItem(c: Case, clocks: readonly CaseClock[], now: Date): MerchantCaseSummary {
  const running = (id: ClockId) => {
    const k = clocks.find((clock) => clock.clockId === id && clock.stage !== 'stopped')
    return k ? clockView(k, now) : null
  }
  return { ...toCaseSummary(c, clocks, now), responseDue: running('merchant_response'), onSiteDue: running('on_site') }
}

/** A clerk's shop and its cases. The shop comes from the caller's membership, never from input. */
export async function getMerchantHome(ctx: ServiceContext): Promise<Result<MerchantHome>> {
  const membership = ctx.caller.memberships[0]
  if (!membership) return fail('FORBIDDEN')
  const { store } = ctx.deps
  const merchant = await store.getMerchant(membership.merchantId)
  if (!merchant) return fail('FORBIDDEN')
  const now = ctx.deps.clock.now()
  const [site, cases, record] = await Promise.all([
    store.getSite(merchant.siteId),
    store.listCasesForMerchant(merchant.id, DEFAULT_PAGE),
    loadMerchantRecord(ctx.deps, merchant.id),
  ])
  const clocks = await store.listClocksOfCases(cases.map((c) => c.id)) // one read for the whole list
  const items = cases.map((c) =>
    inboxItem(
      c,
      clocks.filter((k) => k.caseId === c.id),
      now,
    ),
  )
  return ok({
    merchant: { code: merchant.code, name: merchant.name, siteName: site?.name ?? '', commitment: commitmentOf(merchant) },
    cases: items,
    record,
    now: now.toISOString(),
  })
}

/** One of the shop's cases, for answering: the complainant masked unless they opted in. */
export async function getMerchantCase(ctx: ServiceContext, caseId: string): Promise<Result<CaseDetail>> {
  const subject = ctx.caller.subject
  if (!subject) return fail('UNAUTHENTICATED')
  const found = await ctx.deps.store.getCase(caseId)
  if (!found || !canSee(ctx.caller, found, 'merchant')) return fail('CASE_NOT_FOUND')
  await logAccess(ctx.deps, found.id, { role: 'merchant', id: subject }, 'merchant.getCase')
  return ok(await loadCaseDetail(ctx.deps, found, 'merchant', 'merchant'))
}
