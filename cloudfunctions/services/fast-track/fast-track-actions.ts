import { fail, ok, type Result } from '../../../src/domain/errors'
import type { z } from 'zod'
import { type CheckInLocation, type FastTrackDetails, type FastTrackInputSchema } from '../../../src/domain/workflow/fast-track'
import type { ActorRole } from '../../../src/domain/workflow/transitions'
import { logAccess } from '../access-log'
import { actOnCase, canSee, type ActionOutcome } from '../case-actions'
import type { ServiceContext } from '../context'

// Fast-track (docs/domain.md "Fast-track"; domain rules in src/domain/workflow/fast-track.ts). The
// station decides, dispatches, the named person checks in, the team reports back. Each step is a
// case step (actOnCase), so its event, clocks and notifications are written in one transaction.

type StaffRole = 'station' | 'regulator'
const staffRoleOf = (ctx: ServiceContext): StaffRole | null => {
  const role = ctx.caller.staff?.role
  return role === 'station' || role === 'regulator' ? role : null
}

/** An active station account of this site: the quick-response team is the station's own staff. */
async function teamMember(ctx: ServiceContext, siteId: string, staffId: string) {
  const account = await ctx.deps.store.getStaff(staffId)
  return account && account.role === 'station' && account.siteId === siteId && !account.disabledAt ? account : null
}

export async function fastTrackCase(ctx: ServiceContext, input: z.output<typeof FastTrackInputSchema>): Promise<Result<ActionOutcome>> {
  const as = staffRoleOf(ctx)
  if (!as) return fail('FORBIDDEN')
  const found = await ctx.deps.store.getCase(input.caseId)
  if (!found || !canSee(ctx.caller, found, as)) return fail('CASE_NOT_FOUND')
  let details: FastTrackDetails = { kind: 'fast_track', reason: input.reason, onSite: input.onSite, staffId: null, staffName: null }
  if (input.onSite === 'team') {
    // the team member: the one named, or the station member deciding (a regulator must name one)
    const staffId = input.staffId ?? (as === 'station' ? ctx.caller.staff?.staffId : undefined)
    const member = staffId ? await teamMember(ctx, found.siteId, staffId) : null
    if (!member) return fail('VALIDATION_FAILED', { staffId: '请选择本站的快反队员' })
    details = { ...details, staffId: member.id, staffName: member.displayName }
  } else if (input.staffId) return fail('VALIDATION_FAILED', { staffId: '商家代表到场时不指派快反队员' })
  return actOnCase(ctx, as, found.id, { action: 'fastTrack', reason: input.note, written: details })
}

export async function dispatchFastTrack(ctx: ServiceContext, caseId: string): Promise<Result<ActionOutcome>> {
  const as = staffRoleOf(ctx)
  if (!as) return fail('FORBIDDEN')
  return actOnCase(ctx, as, caseId, { action: 'fastDispatch', reason: '' })
}

/**
 * The named team member is on site: only that station account may say so (another member of the
 * same site is refused; another site's staff do not find the case at all). The location, when the
 * phone gave one, is kept sealed beside the check-in event.
 */
export async function staffCheckIn(ctx: ServiceContext, caseId: string, location: CheckInLocation | null): Promise<Result<ActionOutcome>> {
  const staff = ctx.caller.staff
  if (!staff || staff.role !== 'station') return fail('FORBIDDEN')
  // actOnCase reads the case once and checks reach and the assignee (case-actions.ts)
  const written = { kind: 'team_check_in' as const, located: !!location }
  const done = await actOnCase(ctx, 'station', caseId, { action: 'staffCheckIn', reason: '', written })
  if (!done.ok || !location || !done.data.eventId) return done
  await ctx.deps.store.recordCheckInLocation({
    caseId,
    eventId: done.data.eventId,
    actorId: staff.staffId,
    at: ctx.deps.clock.now().toISOString(),
    location,
  })
  return done
}

export async function fastTrackFeedback(ctx: ServiceContext, caseId: string, text: string): Promise<Result<ActionOutcome>> {
  if (ctx.caller.staff?.role !== 'station') return fail('FORBIDDEN')
  return actOnCase(ctx, 'station', caseId, { action: 'fastTrackFeedback', reason: text })
}

/** Who the station may send: its own site's active station accounts. */
export async function fastTrackTeam(ctx: ServiceContext): Promise<Result<{ items: { staffId: string; displayName: string }[] }>> {
  const staff = ctx.caller.staff
  if (!staff || staff.role !== 'station' || !staff.siteId) return fail('FORBIDDEN')
  const accounts = await ctx.deps.store.listStaffAccounts()
  const items = accounts
    .filter((a) => a.role === 'station' && a.siteId === staff.siteId && !a.disabledAt)
    .map((a) => ({ staffId: a.id, displayName: a.displayName }))
  return ok({ items })
}

/** Where the check-ins were made: the station of the case's site (or a regulator), on record in the access log. */
export async function checkInLocations(ctx: ServiceContext, caseId: string) {
  const as: ActorRole | null = staffRoleOf(ctx)
  const found = await ctx.deps.store.getCase(caseId)
  if (!as || !found || !canSee(ctx.caller, found, as)) return fail('CASE_NOT_FOUND')
  await logAccess(ctx.deps, found.id, { role: as, id: ctx.caller.staff?.staffId ?? '' }, 'station.checkInLocations')
  const rows = await ctx.deps.store.listCheckInLocations(found.id)
  return ok({ items: rows.map((r) => ({ at: r.at, ...r.location })) })
}
