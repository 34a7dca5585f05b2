import { fail, ok, type Result } from '../../src/domain/errors'
import type { StaffAccount } from '../ports/records'
import type { ServiceContext } from './context'

// Whose staff accounts a caller may manage (binding codes, bindings): an administrator every
// account; a station its own account and its own site's proxy accounts (as it manages its own
// site's shops). Anything else answers STAFF_NOT_FOUND, never FORBIDDEN: a station must not learn that
// another site's account exists.
export async function staffInReach(ctx: ServiceContext, staffId: string): Promise<Result<StaffAccount>> {
  const me = ctx.caller.staff
  const account = await ctx.deps.store.getStaff(staffId)
  if (!me || !account) return fail('STAFF_NOT_FOUND')
  if (me.role === 'admin') return ok(account)
  const ownSiteStaff = me.role === 'station' && me.siteId !== null && account.siteId === me.siteId
  // a station's own account, or its site's proxy desks — not a colleague's station account: binding a
  // second phone as a colleague would let one person act (and be logged) as another
  return ownSiteStaff && (account.role === 'proxy' || account.id === me.staffId) ? ok(account) : fail('STAFF_NOT_FOUND')
}
