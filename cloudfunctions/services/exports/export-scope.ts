import { z } from 'zod'
import { fail, ok, type Result } from '../../../src/domain/errors'
import type { StaffIdentity } from '../../../src/domain/identity'
import type { Site } from '../../../src/domain/site.schema'
import type { ServiceContext } from '../context'
import { CalendarDaySchema, MAX_SPAN_DAYS } from '../../../src/domain/metrics/stats-query.schema'

// Who may export what (deny by default). Case lists: station staff their own site, a regulator any site
// (or its own, when its account is tied to one). An administrator provisions and never reads case
// contents (issue 15), so it gets the figures and the printed reports, not the case list. A shop, a
// shopper, a proxy desk: nothing — so a report (举报) can never reach the shop it names. A site outside
// the caller's reach answers SITE_NOT_FOUND, as the registry does: nobody learns another site exists.

const spanDays = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000

export const ExportRangeSchema = z
  .object({
    /** absent: the station's own site; a regulator without a site: every site */
    siteId: z.string().min(1).max(100).optional(),
    from: CalendarDaySchema,
    to: CalendarDaySchema,
  })
  .refine((r) => r.from <= r.to, { error: '开始日期不能晚于结束日期', path: ['to'] })
  // an export reads its cases twice (count, then rows): a range is a question, not the whole archive
  .refine((r) => spanDays(r.from, r.to) < MAX_SPAN_DAYS, { error: '一次最多导出两年', path: ['to'] })

export type ExportRange = z.infer<typeof ExportRangeSchema>

/** cases: the case list; figures: numbers only; reports: the printed month, which names cases and quotes return visits */
export type ExportKind = 'cases' | 'figures' | 'reports'

export interface ExportScope {
  staff: StaffIdentity
  /** the one site exported, or null for every site (a regulator without a site who named none) */
  site: Site | null
  /** the caller's role may see complainants whole (station, regulator): only then may it ask for them */
  maySeePersonalData: boolean
}

const MAY_EXPORT: Record<ExportKind, readonly StaffIdentity['role'][]> = {
  cases: ['station', 'regulator'],
  figures: ['station', 'regulator', 'admin'],
  reports: ['station', 'regulator'],
}

export async function exportScope(ctx: ServiceContext, kind: ExportKind, siteId: string | undefined): Promise<Result<ExportScope>> {
  const staff = ctx.caller.staff
  if (!staff) return fail(ctx.caller.subject ? 'FORBIDDEN' : 'UNAUTHENTICATED')
  if (!MAY_EXPORT[kind].includes(staff.role)) return fail('FORBIDDEN')
  const maySeePersonalData = staff.role === 'station' || staff.role === 'regulator'
  const wanted = siteId ?? staff.siteId
  if (wanted === null) {
    // every site: only a regulator or an administrator without a site of its own
    return staff.role === 'station' ? fail('FORBIDDEN') : ok({ staff, site: null, maySeePersonalData })
  }
  if (staff.siteId !== null && staff.siteId !== wanted) return fail('SITE_NOT_FOUND')
  const site = await ctx.deps.store.getSite(wanted)
  return site ? ok({ staff, site, maySeePersonalData }) : fail('SITE_NOT_FOUND')
}

/** The sites a caller may choose on the page: its own, or every site for those without one. */
export async function exportSites(ctx: ServiceContext): Promise<Result<{ id: string; name: string }[]>> {
  const staff = ctx.caller.staff
  if (!staff || !MAY_EXPORT.figures.includes(staff.role)) return fail('FORBIDDEN')
  if (staff.siteId) {
    const site = await ctx.deps.store.getSite(staff.siteId)
    return ok(site ? [{ id: site.id, name: site.name }] : [])
  }
  return ok((await ctx.deps.store.listSites()).map((s) => ({ id: s.id, name: s.name })))
}
