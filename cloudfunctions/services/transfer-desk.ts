import type { z } from 'zod'
import type { TransferLetterSchema, TransferTargetsSchema } from '../../src/domain/api/contract'
import { fail, ok, type Result } from '../../src/domain/errors'
import { formatShanghaiDateTime } from '../../src/domain/time'
import { DESTINATION_LABELS, pendingTransfer } from '../../src/domain/workflow/transfer'
import { logAccess } from './access-log'
import { canSee } from './case-actions'
import type { ServiceContext } from './context'

// What the desk needs around 转办 (transfer-routing.ts moves the case): the sites a case may move to,
// and the hand-over letter (移送函) printed for a department, the police or a bureau elsewhere.

type TransferTargets = z.infer<typeof TransferTargetsSchema>
type TransferLetter = z.infer<typeof TransferLetterSchema>

const staffRole = (ctx: ServiceContext) => {
  const role = ctx.caller.staff?.role
  return role === 'station' || role === 'regulator' ? role : null
}

/** Every other site of the system, by name: where a case that is not ours may move. */
export async function transferTargets(ctx: ServiceContext): Promise<Result<TransferTargets>> {
  if (!staffRole(ctx)) return fail('FORBIDDEN')
  const own = ctx.caller.staff?.siteId ?? null
  const sites = await ctx.deps.store.listSites()
  return ok({ items: sites.filter((s) => s.id !== own).map((s) => ({ id: s.id, name: s.name })) })
}

/**
 * The 移送函 of the transfer that is out: who it goes to, the case, the complainant (the receiving
 * department must reach them, so the letter is a staff access on record) and the facts. Only for a
 * transfer outside the system, and only for staff who may see the case.
 */
export async function transferLetter(ctx: ServiceContext, caseId: string): Promise<Result<TransferLetter>> {
  const role = staffRole(ctx)
  const staff = ctx.caller.staff
  if (!role || !staff) return fail('FORBIDDEN')
  const found = await ctx.deps.store.getCase(caseId)
  if (!found || !canSee(ctx.caller, found, role)) return fail('CASE_NOT_FOUND')
  const events = await ctx.deps.store.listEvents(found.id)
  const out = pendingTransfer(events)
  const decided = [...events].reverse().find((e) => e.type === 'transferred')
  if (!out || out.destination === 'site' || !decided) return fail('ILLEGAL_TRANSITION')
  const site = await ctx.deps.store.getSite(found.siteId)
  await logAccess(ctx.deps, found.id, { role, id: staff.staffId }, 'station.transferLetter')
  return ok({
    caseNo: found.caseNo,
    destination: out.destination,
    destinationLabel: DESTINATION_LABELS[out.destination],
    toName: out.toName,
    fromSiteName: site?.name ?? '',
    fromHotline: site?.hotline ?? '12315',
    decidedAt: formatShanghaiDateTime(decided.at),
    reason: decided.note ?? '',
    merchantName: found.merchantName,
    complainantName: found.complainant?.name ?? '',
    complainantPhone: found.complainant?.phone ?? '',
    receivedAt: formatShanghaiDateTime(found.receivedAt ?? found.createdAt),
    description: found.description,
  })
}
