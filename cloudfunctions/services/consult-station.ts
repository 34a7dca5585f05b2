import type { z } from 'zod'
import type { ConsultView } from '../../src/domain/consult/consult-consumer-api'
import type { ConsultOfCaseSchema, ConsultOutcomeSchema, StationConsultListSchema } from '../../src/domain/consult/consult-station-api'
import { answerConsultation, convertConsultation, type StaffRef } from '../../src/domain/consult/consult-life'
import type { Consultation } from '../../src/domain/consult/consultation.schema'
import { findReply } from '../../src/domain/consult/reply-library'
import { fail, ok, type Result } from '../../src/domain/errors'
import { logAccess } from './access-log'
import { DEFAULT_PAGE, type ServiceContext } from './context'
import { consultSummaries, consultView, staffMaySee } from './consult-views'

type Outcome = z.infer<typeof ConsultOutcomeSchema>

// The station's side of a consultation: its site's list (咨询 beside the board), one consultation,
// the answer from the reply library (edited or not), or 转为投诉. Deny by default: only station staff
// of the consultation's site and regulators over it; a shop never reaches any of this.

function staffOf(ctx: ServiceContext): StaffRef | null {
  const staff = ctx.caller.staff
  if (!staff || (staff.role !== 'station' && staff.role !== 'regulator')) return null
  return { staffId: staff.staffId, displayName: staff.displayName }
}

export async function listSiteConsultations(
  ctx: ServiceContext,
  scope: 'open' | 'all',
): Promise<Result<z.infer<typeof StationConsultListSchema>>> {
  const staff = ctx.caller.staff
  if (!staffOf(ctx) || !staff) return fail('FORBIDDEN')
  if (staff.role === 'station' && !staff.siteId) return fail('FORBIDDEN')
  const found = await ctx.deps.store.listConsultationsForSite(staff.siteId, scope === 'open', DEFAULT_PAGE)
  const site = staff.siteId ? await ctx.deps.store.getSite(staff.siteId) : null
  return ok({ siteName: site?.name ?? null, items: await consultSummaries(ctx.deps, found) })
}

async function visible(ctx: ServiceContext, id: string): Promise<Result<Consultation>> {
  if (!staffOf(ctx)) return fail('FORBIDDEN')
  const found = await ctx.deps.store.getConsultation(id)
  return found && staffMaySee(ctx.caller, found) ? ok(found) : fail('CONSULTATION_NOT_FOUND')
}

export async function getSiteConsultation(ctx: ServiceContext, id: string): Promise<Result<ConsultView>> {
  const found = await visible(ctx, id)
  if (!found.ok) return found
  const staff = ctx.caller.staff
  // the contact is personal data: staff reading it is on record, like a complainant's
  if (found.data.contact && staff)
    await logAccess(ctx.deps, found.data.id, { role: staff.role, id: staff.staffId }, 'station.getConsultation')
  return ok(await consultView(ctx.deps, found.data, 'full'))
}

async function write(ctx: ServiceContext, before: Consultation, next: Result<Consultation>): Promise<Result<Outcome>> {
  if (!next.ok) return next
  // a stale version throws an AppFailure, which dispatch turns into its error like any handler's
  const saved = await ctx.deps.store.updateConsultation(next.data, before.version)
  return ok({ consultationId: saved.id, status: saved.status, version: saved.version })
}

/** Send the answer: the library entry's text as staff left it after editing. */
export async function answerSiteConsultation(
  ctx: ServiceContext,
  id: string,
  text: string,
  entryId: string | null,
): Promise<Result<Outcome>> {
  const found = await visible(ctx, id)
  if (!found.ok) return found
  if (entryId !== null && !findReply(entryId)) return fail('VALIDATION_FAILED', { entryId: '常见问题已更新，请重新选择' })
  const by = staffOf(ctx) as StaffRef
  return write(ctx, found.data, answerConsultation(found.data, text, entryId, by, ctx.deps.clock.now().toISOString()))
}

/** 转为投诉: closed as converted; the person confirms the prefilled complaint themselves. */
export async function convertSiteConsultation(ctx: ServiceContext, id: string, note: string): Promise<Result<Outcome>> {
  const found = await visible(ctx, id)
  if (!found.ok) return found
  const by = staffOf(ctx) as StaffRef
  return write(ctx, found.data, convertConsultation(found.data, note, by, ctx.deps.clock.now().toISOString()))
}

/** The link back from a complaint: the consultation it came from, for staff who may see both. */
export async function consultationOfCase(ctx: ServiceContext, caseId: string): Promise<Result<z.infer<typeof ConsultOfCaseSchema>>> {
  if (!staffOf(ctx)) return fail('FORBIDDEN')
  const found = await ctx.deps.store.findConsultationOfCase(caseId)
  if (!found || !staffMaySee(ctx.caller, found)) return ok({ consultation: null })
  const [summary] = await consultSummaries(ctx.deps, [found])
  return ok({ consultation: summary })
}
