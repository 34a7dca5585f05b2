import type { CaseDetail, CaseList } from '../../src/domain/case-view.schema'
import type { Case } from '../../src/domain/case.schema'
import { normalizeCaseNo } from '../../src/domain/case-number-input'
import { fail, ok, type Result } from '../../src/domain/errors'
import { normalizeQueryCode } from '../../src/domain/query-code'
import { loadCaseDetail, loadSummaries } from './case-views'
import { DEFAULT_PAGE, type ServiceContext } from './context'

/** 我的投诉: only what this subject filed. */
export async function listMyCases(ctx: ServiceContext): Promise<Result<CaseList>> {
  const subject = ctx.caller.subject
  if (!subject) return fail('UNAUTHENTICATED')
  const cases = await ctx.deps.store.listCasesFiledBy(subject, DEFAULT_PAGE)
  return ok({ items: await loadSummaries(ctx.deps, cases) })
}

/** One of my cases with its timeline. Someone else's case is "not found", never "forbidden". */
export async function getMyCase(ctx: ServiceContext, caseId: string): Promise<Result<CaseDetail>> {
  const subject = ctx.caller.subject
  const found = subject ? await ctx.deps.store.getCase(caseId) : null
  if (!found || found.filedBy !== subject) return fail('CASE_NOT_FOUND')
  return ok(await loadCaseDetail(ctx.deps, found, 'full', 'consumer'))
}

/**
 * Any device: case number + query code. Personal data comes back masked, since a printed receipt
 * can be seen by others. A wrong number and a wrong code get the same answer. The number may be
 * typed loosely (without KS-, spaced, full-width: normalizeCaseNo).
 */
export async function lookupCase(ctx: ServiceContext, caseNo: string, queryCode: string): Promise<Result<CaseDetail>> {
  const found = await caseByLookup(ctx, caseNo, queryCode)
  if (!found) return fail('LOOKUP_FAILED')
  return ok(await loadCaseDetail(ctx.deps, found, 'masked', null))
}

/** The case behind a case number and its query code (the lookup, a report reward); null for a wrong number or code alike. */
export async function caseByLookup(ctx: ServiceContext, caseNo: string, queryCode: string): Promise<Case | null> {
  const { store, secrets } = ctx.deps
  const number = normalizeCaseNo(caseNo)
  const found = number ? await store.findCaseByNo(number) : null
  // compare digests, not the codes: equal-length strings, so the comparison time tells nothing
  const matches =
    !!found && found.queryCode !== '-' && secrets.hashToken(found.queryCode) === secrets.hashToken(normalizeQueryCode(queryCode))
  return matches ? found : null
}
