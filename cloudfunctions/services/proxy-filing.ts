import type { CaseList } from '../../src/domain/case-view.schema'
import type { SubmitComplaint } from '../../src/domain/complaint.schema'
import { fail, ok, type Result } from '../../src/domain/errors'
import { loadSummaries } from './case-views'
import { DEFAULT_PAGE, type ServiceContext } from './context'
import { fileCase, type SubmitReceipt } from './submit-complaint'

/**
 * 代帮办: staff at a proxy point or station file for someone who cannot use a smartphone. The helper
 * is recorded as the actor and attests that the privacy notice was read aloud and agreed to. The
 * case belongs to no device: the person follows it with the printed case number and query code.
 */
export function fileForSomeone(ctx: ServiceContext, input: SubmitComplaint): Promise<Result<SubmitReceipt>> {
  const staff = ctx.caller.staff
  if (!staff || !ctx.caller.subject) return Promise.resolve(fail('UNAUTHENTICATED'))
  return fileCase(ctx.deps, input, {
    filedBy: `proxy:${staff.staffId}`,
    actor: { role: staff.role, id: staff.staffId },
    channel: 'proxy',
    consentMode: 'read_aloud',
    attestedBy: staff.staffId,
    uploader: ctx.caller.subject, // files go up from the helper's own browser
  })
}

/** The helper's own filings, newest first: summaries only (no name or phone of the people helped). */
export async function listMyFilings(ctx: ServiceContext): Promise<Result<CaseList>> {
  const staff = ctx.caller.staff
  if (!staff) return fail('UNAUTHENTICATED')
  const cases = await ctx.deps.store.listCasesFiledBy(`proxy:${staff.staffId}`, DEFAULT_PAGE)
  return ok({ items: await loadSummaries(ctx.deps, cases) })
}
