import { clocksAfterEvent } from '../../src/domain/clocks/case-clock'
import { CLOCK_IDS, DEFAULT_CLOCK_RULES, ruleFor } from '../../src/domain/clocks/clock-rules'
import { ClockSettingsSchema } from '../../src/domain/clocks/clock-settings'
import { decide, initialWorkflowState, type WorkflowState } from '../../src/domain/workflow/state-machine'
import { CheckInLocationSchema, fastTrackOf, suggestedReasons, type FastTrackFacts } from '../../src/domain/workflow/fast-track'
import type { HolidayTable } from '../../src/domain/calendar/holiday-table'

// Fast-track (快速响应) as the station's decision (issue 17.3, docs/domain.md "Fast-track").
const MINUTE = 60_000
const at = new Date('2026-03-10T02:00:00.000Z')
const team = (over: Partial<FastTrackFacts> = {}): FastTrackFacts => ({
  reason: 'on_site_dispute',
  onSite: 'team',
  staffId: 'st-a',
  dispatched: true,
  checkedIn: false,
  feedbackGiven: false,
  ...over,
})
const state = (over: Partial<WorkflowState> = {}): WorkflowState => ({ ...initialWorkflowState(), ...over })
const decision = {
  kind: 'fast_track' as const,
  reason: 'safety_harmed' as const,
  onSite: 'team' as const,
  staffId: 'st-a',
  staffName: '星河站',
}

describe('fast-track decision', () => {
  it('when the station decides at intake with a ground and a team member, then the step is legal once and only for staff', () => {
    expect(decide(state(), 'fastTrack', 'station', { details: decision })).toMatchObject({ ok: true })
    expect(decide(state(), 'fastTrack', 'station', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect(decide(state(), 'fastTrack', 'merchant', { details: decision })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(decide(state(), 'fastTrack', 'station', { details: decision }, { fastTrack: team({ dispatched: false }) })).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    })
  })

  it('when a report is fast-tracked, then the shop reported is never the one sent on site', () => {
    const report = state({ kind: 'report' })
    const toShop = { ...decision, onSite: 'merchant' as const, staffId: null, staffName: null }
    expect(decide(report, 'fastTrack', 'station', { details: toShop })).toMatchObject({
      ok: false,
      error: { code: 'REPORT_NOT_FOR_MERCHANT' },
    })
    expect(decide(report, 'fastTrack', 'station', { details: decision })).toMatchObject({ ok: true })
  })

  it('when the text hints at urgency, then grounds are only suggested, and nothing is decided from them', () => {
    expect(suggestedReasons({ injury: true, group: false, visitor: true, happeningNow: false })).toEqual(['brief_visit', 'safety_harmed'])
    expect(suggestedReasons({ injury: false, group: false, visitor: false, happeningNow: false })).toEqual([])
  })
})

describe('who checks in', () => {
  const pending = state({ status: 'accepted', onSitePending: true })
  it('when a team member was named, then only the staff check-in is the arrival; the shop cannot check in instead', () => {
    expect(
      decide(pending, 'staffCheckIn', 'station', { details: { kind: 'team_check_in', located: true } }, { fastTrack: team() }),
    ).toMatchObject({
      ok: true,
      data: { next: { onSitePending: false } },
    })
    expect(decide(pending, 'checkIn', 'merchant', {}, { fastTrack: team() })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ON_SITE_ASSIGNEE' },
    })
  })

  it("when the shop's representative was named, then the shop checks in, even before the station accepted, and no staff check-in is offered", () => {
    const facts = { fastTrack: team({ onSite: 'merchant', staffId: null }) }
    const received = state({ status: 'received', onSitePending: true })
    expect(decide(received, 'checkIn', 'merchant', {}, facts)).toMatchObject({ ok: true, data: { next: { onSitePending: false } } })
    expect(decide(received, 'staffCheckIn', 'station', { details: { kind: 'team_check_in', located: false } }, facts)).toMatchObject({
      ok: false,
      error: { code: 'NOT_ON_SITE_ASSIGNEE' },
    })
  })

  it('when the case was not dispatched yet, then nobody checks in for it', () => {
    const notYet = { fastTrack: team({ dispatched: false }) }
    expect(
      decide(state({ status: 'accepted' }), 'staffCheckIn', 'station', { details: { kind: 'team_check_in', located: false } }, notYet),
    ).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } })
  })

  it('when a phone reports a location, then only real coordinates pass', () => {
    expect(CheckInLocationSchema.safeParse({ latitude: 30.27, longitude: 120.15 }).success).toBe(true)
    expect(CheckInLocationSchema.safeParse({ latitude: 91, longitude: 120 }).success).toBe(false)
    expect(CheckInLocationSchema.safeParse({ latitude: 30, longitude: -181 }).success).toBe(false)
    expect(CheckInLocationSchema.safeParse({ latitude: Number.NaN, longitude: 120 }).success).toBe(false)
    expect(CheckInLocationSchema.safeParse({ latitude: '30', longitude: 120 }).success).toBe(false)
  })
})

describe('the timeline says it', () => {
  it('when the events are read back, then the decision, the dispatch, the check-in and the report back are known; a reopen owes a new report', () => {
    const events = [
      { type: 'submitted' },
      { type: 'fast_tracked', details: decision },
      { type: 'fast_track_dispatched' },
      { type: 'checked_in' },
      { type: 'closed' },
      { type: 'fast_track_feedback' },
    ]
    expect(fastTrackOf(events)).toMatchObject({
      reason: 'safety_harmed',
      staffId: 'st-a',
      dispatched: true,
      checkedIn: true,
      feedbackGiven: true,
    })
    expect(fastTrackOf([...events, { type: 'reopened' }])).toMatchObject({ feedbackGiven: false })
    expect(fastTrackOf([{ type: 'submitted' }, { type: 'checked_in' }])).toBeNull()
  })
})

describe('the 15/45/90 chain and the 24-hour report back', () => {
  // minute and hour clocks do not read the calendar
  const ctx = { table: { holidays: {}, makeupWorkdays: {}, publishedYears: [2026] } satisfies HolidayTable }
  it('when a case is fast-tracked and dispatched, then 15, 45 and 90 minutes run from the right events', () => {
    const decided = clocksAfterEvent('c1', [], 'fast_tracked', at, ctx)
    expect(decided.map((k) => k.clockId)).toEqual(['fast_track_dispatch'])
    expect(Date.parse(decided[0].dueAt) - at.getTime()).toBe(15 * MINUTE)
    const later = new Date(at.getTime() + 10 * MINUTE)
    const sent = clocksAfterEvent('c1', decided, 'fast_track_dispatched', later, ctx)
    const due = Object.fromEntries(
      sent.map((k) => [k.clockId, k.stage === 'stopped' ? 'stopped' : (Date.parse(k.dueAt) - later.getTime()) / MINUTE]),
    )
    expect(due).toEqual({ fast_track_dispatch: 'stopped', fast_track_response: 45, on_site: 90 })
  })

  it('when any case closes, then the 24-hour report back starts only on a fast-track one', () => {
    expect(clocksAfterEvent('c1', [], 'closed', at, ctx).map((k) => k.clockId)).not.toContain('fast_track_feedback')
    const fast = clocksAfterEvent('c1', [], 'closed', at, { ...ctx, fastTrack: true }).find((k) => k.clockId === 'fast_track_feedback')
    expect(Date.parse(fast!.dueAt) - at.getTime()).toBe(24 * 60 * MINUTE)
  })

  it('when a site sets its own numbers, then the fast-track clocks follow them like the others', () => {
    const settings = ClockSettingsSchema.parse({ amounts: { fast_track_dispatch: 10, fast_track_response: 30, fast_track_feedback: 12 } })
    expect(ruleFor('fast_track_dispatch', settings).amount).toBe(10)
    expect(ruleFor('fast_track_response', settings).amount).toBe(30)
    expect(ruleFor('fast_track_feedback', settings).amount).toBe(12)
    expect(CLOCK_IDS).toEqual(expect.arrayContaining(['fast_track_dispatch', 'fast_track_response', 'fast_track_feedback']))
    expect(DEFAULT_CLOCK_RULES.on_site.startOn).toContain('fast_track_dispatched')
  })
})
