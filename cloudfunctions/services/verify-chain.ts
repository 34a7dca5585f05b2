import type { Case } from '../../src/domain/case.schema'
import { fail, ok, type Result } from '../../src/domain/errors'
import { auditChain, type ChainReport } from '../../src/domain/workflow/chain-audit'
import { logAccess } from './access-log'
import { canSee } from './case-actions'
import type { Deps, ServiceContext } from './context'

/**
 * Check one case's record: its hash chain, the events' signatures, the case row against the last
 * event's state digest, and the last anchored head (docs/chain-integrity.md). `npm run verify:chain`
 * and the station's 「校验记录完整性」 button both end here.
 */
export async function verifyCaseRecord(
  deps: Pick<Deps, 'store' | 'secrets' | 'chainSigner' | 'chainAnchors'>,
  c: Case,
): Promise<ChainReport> {
  const [events, anchor] = await Promise.all([deps.store.listEvents(c.id), deps.chainAnchors.latestWith(c.id)])
  return auditChain({ row: c, events, anchor, sha256: deps.secrets.hashToken, key: deps.chainSigner })
}

/** station.verifyCase: a station its own site's cases, a regulator any; the check is on record in the access log. */
export async function verifyStationCase(ctx: ServiceContext, caseId: string): Promise<Result<ChainReport>> {
  const staff = ctx.caller.staff
  const role = staff?.role
  if (!staff || (role !== 'station' && role !== 'regulator')) return fail('FORBIDDEN')
  const found = await ctx.deps.store.getCase(caseId)
  if (!found || !canSee(ctx.caller, found, role)) return fail('CASE_NOT_FOUND')
  const report = await verifyCaseRecord(ctx.deps, found)
  await logAccess(
    ctx.deps,
    found.id,
    { role, id: staff.staffId },
    `station.verifyCase：${report.intact ? '完整' : report.summary}`.slice(0, 500),
  )
  return ok(report)
}
