import type { Caller } from '../../src/domain/identity'
import { fail, ok, type Result } from '../../src/domain/errors'
import type { Site } from '../../src/domain/site.schema'

// Whose figures a caller may read on the statistics page. Deny by default:
// - a station: its own site only (naming another site answers SITE_NOT_FOUND: it must not learn which
//   sites exist, as with the board);
// - a regulator with a site of its own (a district office): that site only, the same way;
// - a regulator of the whole city and an administrator: every site, or the one they name.
// Statistics are counts, never a case's contents, so the administrator (who never reads a case) may see
// them. Anyone else — a shop, a shopper, a proxy desk — is FORBIDDEN.
export interface StatsScope {
  /** the sites the figures are summed over; null: every site */
  sites: readonly string[] | null
  /** the one site shown, when there is one */
  site: Site | null
  /** the sites the caller may choose from (empty when there is no choice) */
  choices: { id: string; name: string }[]
}

interface SiteDirectory {
  getSite(id: string): Promise<Site | null>
  listSites(): Promise<Site[]>
}

export async function statsScope(caller: Caller, directory: SiteDirectory, siteId: string | undefined): Promise<Result<StatsScope>> {
  const staff = caller.staff
  if (!staff) return fail('UNAUTHENTICATED')
  if (staff.role !== 'station' && staff.role !== 'regulator' && staff.role !== 'admin') return fail('FORBIDDEN')
  const own = staff.role === 'admin' ? null : staff.siteId
  if (staff.role === 'station' && !own) return fail('FORBIDDEN') // a station without a site has nothing to count
  if (own) {
    if (siteId && siteId !== own) return fail('SITE_NOT_FOUND')
    const site = await directory.getSite(own)
    return site ? ok({ sites: [own], site, choices: [] }) : fail('SITE_NOT_FOUND')
  }
  const all = await directory.listSites()
  const choices = all.map((s) => ({ id: s.id, name: s.name }))
  if (!siteId) return ok({ sites: null, site: null, choices })
  const site = all.find((s) => s.id === siteId)
  return site ? ok({ sites: [site.id], site, choices }) : fail('SITE_NOT_FOUND')
}
