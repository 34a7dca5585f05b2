import type { z } from 'zod'
import type { BoardFilterSchema, StaffMeSchema, StationBoardSchema } from '../../src/domain/api/contract'
import type { Case } from '../../src/domain/case.schema'
import type { CaseDetail, CaseSummary } from '../../src/domain/case-view.schema'
import { fail, ok, type Result } from '../../src/domain/errors'
import { OPEN_STATUSES } from '../../src/domain/workflow/transitions'
import { canSee } from './case-actions'
import { loadCaseDetail, loadSummaries } from './case-views'
import { logAccess } from './access-log'
import type { ServiceContext } from './context'

type StaffMe = z.infer<typeof StaffMeSchema>
type StationBoard = z.infer<typeof StationBoardSchema>
type BoardFilter = z.output<typeof BoardFilterSchema>

// The board reads the newest cases of its scope and filters them here. Enough for a mall's station
// (hundreds of open cases); a regulator's city-wide board will need the filters in the store.
const BOARD_WINDOW = { limit: 500, offset: 0 }

export async function getStaffMe(ctx: ServiceContext): Promise<Result<StaffMe>> {
  const staff = ctx.caller.staff
  if (!staff) return fail('UNAUTHENTICATED')
  const site = staff.siteId ? await ctx.deps.store.getSite(staff.siteId) : null
  return ok({ displayName: staff.displayName, role: staff.role, siteName: site?.name ?? null })
}

function matches(c: Case, s: CaseSummary, f: BoardFilter, merchantIds: Set<string> | null): boolean {
  if (f.scope === 'open' && !OPEN_STATUSES.includes(c.status)) return false
  if (f.status && c.status !== f.status) return false
  if (f.kind && c.kind !== f.kind) return false
  if (f.colour && s.nextDue?.colour !== f.colour) return false
  if (merchantIds && !merchantIds.has(c.merchantId)) return false
  return true
}

/** Due soonest first; cases with no running clock after those that have one, newest first. */
const byNextDue = (a: CaseSummary, b: CaseSummary) =>
  (a.nextDue?.dueAt ?? '\uffff').localeCompare(b.nextDue?.dueAt ?? '\uffff') || b.createdAt.localeCompare(a.createdAt)

/** The board: a station sees its own site; a regulator (no site) sees every site. */
export async function getStationBoard(ctx: ServiceContext, filter: BoardFilter): Promise<Result<StationBoard>> {
  const staff = ctx.caller.staff
  if (!staff) return fail('UNAUTHENTICATED')
  const { store } = ctx.deps
  const siteId = staff.siteId
  if (!siteId && !(staff.role === 'regulator' && siteId === null)) return fail('FORBIDDEN') // only a regulator spans every site
  const cases = siteId ? await store.listCasesForSite(siteId, BOARD_WINDOW) : await store.listAllCases(BOARD_WINDOW)
  const merchant = filter.merchantCode ? await store.findMerchantByCode(filter.merchantCode) : null
  const merchantIds = filter.merchantCode ? new Set(merchant ? [merchant.id] : []) : null
  const summaries = await loadSummaries(ctx.deps, cases)
  const items = summaries.filter((s, i) => matches(cases[i], s, filter, merchantIds)).sort(byNextDue)
  const site = staff.siteId ? await store.getSite(staff.siteId) : null
  return ok({ siteName: site?.name ?? null, items })
}

/** One case for station staff: everything, with the steps their role may take now. */
export async function getStationCase(ctx: ServiceContext, caseId: string): Promise<Result<CaseDetail>> {
  const staff = ctx.caller.staff
  const role = staff?.role
  if (!staff || (role !== 'station' && role !== 'regulator')) return fail('FORBIDDEN')
  const found = await ctx.deps.store.getCase(caseId)
  if (!found || !canSee(ctx.caller, found, role)) return fail('CASE_NOT_FOUND')
  await logAccess(ctx.deps, found.id, { role, id: staff.staffId }, 'station.getCase')
  return ok(await loadCaseDetail(ctx.deps, found, 'full', role, ctx.caller.staff?.staffId))
}
