import type { CaseDetail, CaseList } from '../../src/domain/case-view.schema'
import { fail, ok, type Result } from '../../src/domain/errors'
import { toCaseDetail, toCaseSummary } from './case-views'
import { DEFAULT_PAGE, type ServiceContext } from './context'

/** 我的投诉: only what this subject filed. */
export async function listMyCases(ctx: ServiceContext): Promise<Result<CaseList>> {
  const subject = ctx.caller.subject
  if (!subject) return fail('UNAUTHENTICATED')
  const cases = await ctx.deps.store.listCasesFiledBy(subject, DEFAULT_PAGE)
  return ok({ items: cases.map(toCaseSummary) })
}

/** One of my cases with its timeline. Someone else's case is "not found", never "forbidden". */
export async function getMyCase(ctx: ServiceContext, caseId: string): Promise<Result<CaseDetail>> {
  const subject = ctx.caller.subject
  const found = subject ? await ctx.deps.store.getCase(caseId) : null
  if (!found || found.filedBy !== subject) return fail('CASE_NOT_FOUND')
  const events = await ctx.deps.store.listEvents(found.id)
  return ok(toCaseDetail(found, events))
}
