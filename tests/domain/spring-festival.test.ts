import { chineseDaysTable } from '../../cloudfunctions/adapters/calendar/chinese-days-table'
import { clocksAfterEvent, type CaseClock } from '../../src/domain/clocks/case-clock'
import { computeDeadline } from '../../src/domain/clocks/clock-deadline'
import { pauseClocks, resumeClock } from '../../src/domain/clocks/clock-pause'
import { clockView } from '../../src/domain/clocks/clock-view'
import { CLOCK_IDS, COMPLETION_KINDS, ruleFor, type ClockRule } from '../../src/domain/clocks/clock-rules'

// Fixed dates around the 2026 Spring Festival (春节): holidays 15–23 February; Saturday 14 February and
// Saturday 28 February are make-up working days. Every working-day clock, and a suspension that spans
// the holiday, counted on the State Council calendar (docs/domain.md "The clocks").
const table = chineseDaysTable()
const beijing = (local: string) => new Date(`${local}+08:00`)
/** 24:00 Beijing at the end of `day`: where a working-day deadline falls */
const endOf = (day: string) => Date.parse(`${day}T00:00:00+08:00`) + 86_400_000

// Counted by hand from Thursday 12 February (the start day itself never counts):
// 13 Fri (1), 14 Sat make-up (2), 15–23 春节, 24 Tue (3), 25 (4), 26 (5), 27 (6), 28 Sat make-up (7), 2 March (8), …
// 11 March (15); 4–6 April 清明; 23 April (45).
const DUE_FROM_12_FEB: Record<number, string> = {
  1: '2026-02-13',
  2: '2026-02-14',
  3: '2026-02-24',
  5: '2026-02-26',
  7: '2026-02-28',
  15: '2026-03-11',
  45: '2026-04-23',
}

/** Every working-day clock, as a site with the national defaults runs it (completion once per kind of case). */
const workingDayRules: ClockRule[] = CLOCK_IDS.flatMap((id) =>
  id === 'completion' ? COMPLETION_KINDS.map((k) => ruleFor(id, {}, k)) : [ruleFor(id)],
).filter((r) => r.unit === 'working_days')

describe('working-day clocks across the 2026 Spring Festival', () => {
  it('when a complaint arrives on Thursday 12 February, then the 7-working-day acceptance decision is due at the end of Saturday 28 February, and says it skipped 春节', () => {
    const d = computeDeadline(ruleFor('accept_decision'), beijing('2026-02-12T10:00:00'), table)
    expect(d.dueAt).toBe('2026-02-28T16:00:00.000Z') // 24:00 Beijing on the make-up Saturday
    expect(d.skipped.filter((s) => s.reason === 'holiday').map((s) => s.date)).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ])
    expect(d.explanation).toContain('春节')
    expect(d.explanation).toContain('至 2026-02-28 24:00')
    expect(d.provisional).toBe(false)
  })

  it.each(workingDayRules.map((r) => [`${r.id} (${r.amount})`, r] as const))(
    'when the %s working-day clock starts on Thursday 12 February, then its due day is the hand-counted one',
    (_name, rule) => {
      const expected = DUE_FROM_12_FEB[rule.amount]
      if (!expected) throw new Error(`no hand-counted due day for ${rule.amount} working days (${rule.id}): add it to DUE_FROM_12_FEB`)
      const d = computeDeadline(rule, beijing('2026-02-12T10:00:00'), table)
      expect(d.dueAt).toBe(new Date(endOf(expected)).toISOString())
    },
  )

  it('when a mediation suspended before the holiday resumes after it, then it gets back the working days it had left — not the calendar days', () => {
    // mediation entered on Tuesday 10 February: 45 working days (11, 12 February, then the 43rd after 12 February) → Tuesday 21 April
    const [mediation] = clocksAfterEvent('c1', [], 'station_mediation', beijing('2026-02-10T10:00:00'), { table })
    expect(mediation).toMatchObject({ clockId: 'mediation', dueAt: new Date(endOf('2026-04-21')).toISOString() })

    // suspended on Thursday 12 February (that day was used), resumed on Wednesday 25 February
    const [paused] = pauseClocks([mediation], beijing('2026-02-12T15:00:00'))
    expect(paused).toMatchObject({ pausedAt: beijing('2026-02-12T15:00:00').toISOString(), nextCheckAt: null })
    // while paused, the explanation says so and the card keeps its colour even long past the old due date
    const view = clockView(paused, beijing('2026-06-01T10:00:00'))
    expect(view.explanation).toContain('调解已中止')
    expect(view.colour).toBe('green')

    const resumed = resumeClock(paused, beijing('2026-02-25T09:00:00'), table)
    // 43 working days were left after 12 February; counted from 25 February they end on Monday 27 April. The working
    // days the pause took — 13 Feb, 14 Feb (make-up), 24 Feb, 25 Feb — come back: four, not the thirteen calendar days
    expect(resumed.dueAt).toBe(new Date(endOf('2026-04-27')).toISOString())
    expect(resumed).not.toHaveProperty('pausedAt')
    expect(resumed.stage).toBe('running')
    expect(resumed.nextCheckAt).toBe(resumed.remindAt)
    expect(Date.parse(resumed.remindAt)).toBeGreaterThan(Date.parse(mediation.remindAt))
    expect(resumed.explanation).toContain('期限顺延至 2026-04-27 24:00')
  })

  it('when a clock is suspended and resumed on the same day, then its deadline does not move', () => {
    const [completion] = clocksAfterEvent('c2', [], 'accepted', beijing('2026-02-12T10:00:00'), { table })
    const [paused] = pauseClocks([completion], beijing('2026-02-24T09:00:00'))
    const resumed = resumeClock(paused, beijing('2026-02-24T17:00:00'), table)
    expect(resumed.dueAt).toBe(completion.dueAt)
  })

  it('when a clock is already past its due time or stopped, then a suspension leaves it as it is (a missed deadline stays missed)', () => {
    const [completion] = clocksAfterEvent('c3', [], 'accepted', beijing('2026-02-12T10:00:00'), { table })
    const late: CaseClock = { ...completion }
    expect(pauseClocks([late], beijing('2026-03-02T09:00:00'))).toEqual([]) // due 28 February 24:00
    expect(pauseClocks([{ ...completion, stage: 'stopped' }], beijing('2026-02-13T09:00:00'))).toEqual([])
    // the station's own decision clocks keep running through a suspension
    const [decision] = clocksAfterEvent('c3', [], 'submitted', beijing('2026-02-12T10:00:00'), { table }).filter(
      (c) => c.clockId === 'accept_decision',
    )
    expect(pauseClocks([decision], beijing('2026-02-13T09:00:00'))).toEqual([])
  })
})
