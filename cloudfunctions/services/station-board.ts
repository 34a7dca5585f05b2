import type { z } from 'zod'
import type { StaffMeSchema, StationBoardSchema } from '../../src/domain/api/contract'
import { fail, ok, type Result } from '../../src/domain/errors'
import { toCaseSummary } from './case-views'
import { DEFAULT_PAGE, type ServiceContext } from './context'

type StaffMe = z.infer<typeof StaffMeSchema>
type StationBoard = z.infer<typeof StationBoardSchema>

export async function getStaffMe(ctx: ServiceContext): Promise<Result<StaffMe>> {
  const staff = ctx.caller.staff
  if (!staff) return fail('UNAUTHENTICATED')
  const site = staff.siteId ? await ctx.deps.store.getSite(staff.siteId) : null
  return ok({ displayName: staff.displayName, role: staff.role, siteName: site?.name ?? null })
}

/** The board: a station sees its own site; a regulator (no site) sees every site. */
export async function getStationBoard(ctx: ServiceContext): Promise<Result<StationBoard>> {
  const staff = ctx.caller.staff
  if (!staff) return fail('UNAUTHENTICATED')
  const { store } = ctx.deps
  if (staff.role === 'regulator' && staff.siteId === null) {
    const cases = await store.listAllCases(DEFAULT_PAGE)
    return ok({ siteName: null, items: cases.map(toCaseSummary) })
  }
  if (!staff.siteId) return fail('FORBIDDEN')
  const site = await store.getSite(staff.siteId)
  const cases = await store.listCasesForSite(staff.siteId, DEFAULT_PAGE)
  return ok({ siteName: site?.name ?? null, items: cases.map(toCaseSummary) })
}
