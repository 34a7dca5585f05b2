import type { CaseEvent } from '../../../src/domain/case.schema'
import { fail, ok, type Result } from '../../../src/domain/errors'
import type { SimilarCase } from '../../../src/domain/similarity/burst-api'
import { similarityScore } from '../../../src/domain/similarity/similarity'
import { REMEDY_LABELS } from '../../../src/domain/workflow/event-details'
import { OUTCOME_LABELS } from '../../../src/domain/workflow/outcomes'
import { canSee } from '../case-actions'
import type { ServiceContext } from '../context'

// 案例推荐 (docs/bursts-and-similar-cases.md): the 3 closed cases of the case's site most like it, with
// how each was settled. Bounded: the site's latest SITE_PAGE cases (newest first), read with the columns
// scoring needs only (ports/case-scoring-store.ts: nobody's personal data is decrypted to score them),
// the closed ones among them scored in memory; events are read for the 3 shown only. Each answer
// carries the case number, problem type, product and settlement — never a name, phone, address or
// description.
export const SITE_PAGE = 200
const SHOWN = 3

/** How the case was settled: the accepted offer (和解) or the mediation agreement, and the money. */
function settlementOf(
  events: readonly CaseEvent[],
): Pick<SimilarCase, 'remedy' | 'remedyLabel' | 'amountFen'> & { closedAt: string | null } {
  let remedy: SimilarCase['remedy'] = null
  let amountFen: number | null = null
  let closedAt: string | null = null
  for (const e of events) {
    const d = e.details
    if (e.type === 'answered' && d?.kind === 'offer') [remedy, amountFen] = [d.remedy, d.amountFen]
    if (e.type === 'mediated' && d?.kind === 'agreement') [remedy, amountFen] = ['agreement', d.amountFen]
    if (e.type === 'closed') closedAt = e.at
  }
  const remedyLabel = remedy === null ? '未记录' : remedy === 'agreement' ? '调解协议' : REMEDY_LABELS[remedy]
  return { remedy, remedyLabel, amountFen, closedAt }
}

export async function similarCases(
  ctx: ServiceContext,
  caseId: string,
): Promise<Result<{ caseId: string; scanned: number; cases: SimilarCase[] }>> {
  const role = ctx.caller.staff?.role
  if (role !== 'station' && role !== 'regulator') return fail('FORBIDDEN')
  const { store } = ctx.deps
  const c = await store.getCase(caseId)
  if (!c || !canSee(ctx.caller, c, role)) return fail('CASE_NOT_FOUND') // another site's case: no hint it exists
  const page = await store.listScoringCasesForSite(c.siteId, SITE_PAGE)
  const ranked = page
    .filter((p) => p.status === 'closed' && p.id !== c.id)
    .map((p) => ({ p, score: similarityScore(c, p) }))
    .sort((a, b) => b.score - a.score || b.p.createdAt.localeCompare(a.p.createdAt))
    .slice(0, SHOWN)
  const cases = await Promise.all(
    ranked.map(async ({ p, score }): Promise<SimilarCase> => {
      const { closedAt, ...settled } = settlementOf(await store.listEvents(p.id))
      return {
        caseId: p.id,
        caseNo: p.caseNo,
        problemType: p.problemType,
        product: p.product,
        sameMerchant: p.merchantId === c.merchantId,
        closedAt: closedAt ?? p.updatedAt,
        outcome: p.outcome,
        outcomeLabel: p.outcome ? OUTCOME_LABELS[p.outcome] : '未记录',
        ...settled,
        score: Math.round(score * 100) / 100,
      }
    }),
  )
  return ok({ caseId: c.id, scanned: page.length, cases })
}
