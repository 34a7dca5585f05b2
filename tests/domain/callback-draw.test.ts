import { createHash } from 'node:crypto'
import { chineseDaysTable } from '../../cloudfunctions/adapters/calendar/chinese-days-table'
import { assignCallers, drawSample, sampleSize } from '../../src/domain/callback/callback-draw'
import { callbackClock, callbackDue, monthRange, previousMonth } from '../../src/domain/callback/callback-due'
import { callbackProgress, completeCallback, recordAttempt, wantsReopen } from '../../src/domain/callback/callback-item'
import type { CallbackItem } from '../../src/domain/callback/callback.schema'
import { needsReview, ratingPercent } from '../../src/domain/callback/rating-review'
import { advanceClock } from '../../src/domain/clocks/case-clock'

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
const table = chineseDaysTable()
const ids = (n: number) => Array.from({ length: n }, (_, i) => `case-${String(i + 1).padStart(3, '0')}`)

describe('the monthly draw (回访抽查)', () => {
  it('when the population is 1, 3, 10, 11 or 100, then 30 % rounded up is drawn (1 of 1, 1 of 3, 3 of 10, 4 of 11)', () => {
    expect([0, 1, 3, 10, 11, 100].map(sampleSize)).toEqual([0, 1, 1, 3, 4, 30])
    expect(drawSample('ab', ids(10), sha256)).toHaveLength(3)
    expect(drawSample('ab', ids(11), sha256)).toHaveLength(4)
  })

  it('when the same seed and population are drawn again, in any order, then the same sample comes back; another seed gives another', () => {
    const population = ids(40)
    const first = drawSample('5eed', population, sha256)
    expect(drawSample('5eed', [...population].reverse(), sha256)).toEqual(first)
    expect(drawSample('5eed', [...population, population[0]], sha256)).toEqual(first) // each case once
    expect(drawSample('other', population, sha256)).not.toEqual(first)
    expect(new Set(first).size).toBe(12)
  })

  it('when re-run by hand with sha256("<seed>:<caseId>"), then the lowest ranks are exactly the sample (anyone can audit it)', () => {
    const population = ids(7)
    const byHand = [...population].sort((a, b) => sha256(`s:${a}`).localeCompare(sha256(`s:${b}`))).slice(0, 3)
    expect(drawSample('s', population, sha256)).toEqual(byHand)
  })
})

describe('who calls back', () => {
  it('when cases are assigned round-robin, then nobody is given a case they closed, and the turns go around', () => {
    const sampled = [
      { caseId: 'c1', closerId: 'staff-a' },
      { caseId: 'c2', closerId: 'staff-b' },
      { caseId: 'c3', closerId: 'staff-c' },
      { caseId: 'c4', closerId: 'system' },
      { caseId: 'c5', closerId: 'staff-a' },
    ]
    const assigned = assignCallers(sampled, ['staff-c', 'staff-a', 'staff-b'])
    assigned.forEach((who, i) => expect(who).not.toBe(sampled[i].closerId))
    expect(assigned).toEqual(['staff-b', 'staff-c', 'staff-a', 'staff-b', 'staff-c'])
  })

  it('when the closer is the only station staff of the site, then the case stays in the sample unassigned', () => {
    expect(assignCallers([{ caseId: 'c1', closerId: 'solo' }], ['solo'])).toEqual([null])
    expect(assignCallers([{ caseId: 'c1', closerId: 'solo' }], [])).toEqual([null])
  })
})

describe('due by the 10th, across a holiday (chinese-days calendar)', () => {
  it('when the 10th is a working day (10 March 2026, a Tuesday), then the call-backs are due at its end', () => {
    const due = callbackDue({ year: 2026, month: 3 }, table)
    expect(due).toMatchObject({ dueDate: '2026-03-10', dueAt: '2026-03-10T16:00:00.000Z', moved: false })
  })

  it('when the 10th falls in the Spring Festival (10 February 2024), then the due day moves to the next working day, the make-up Sunday 18 February', () => {
    const due = callbackDue({ year: 2024, month: 2 }, table)
    expect(due).toMatchObject({ dueDate: '2024-02-18', moved: true })
    expect(due.explanation).toContain('春节')
  })

  it('when the 10th is a Sunday (10 May 2026), then it moves to Monday 11 May; a make-up working Saturday (10 October 2026) stays', () => {
    expect(callbackDue({ year: 2026, month: 5 }, table).dueDate).toBe('2026-05-11')
    expect(callbackDue({ year: 2026, month: 10 }, table)).toMatchObject({ dueDate: '2026-10-10', moved: false })
  })

  it('when the clock of a case drawn on 1 February 2024 is advanced, then it reminds, urges and turns red around the moved due day, not the 10th', () => {
    const due = callbackDue({ year: 2024, month: 2 }, table)
    const clock = callbackClock('c1', '2024-01-31T16:05:00.000Z', due)
    expect(advanceClock(clock, new Date('2024-02-10T23:00:00+08:00')).next.stage).not.toBe('overdue')
    const late = advanceClock(clock, new Date('2024-02-19T00:00:01+08:00'))
    expect(late.next.stage).toBe('overdue')
    expect(late.alerts.map((a) => a.stage)).toEqual(['reminded', 'urged', 'overdue'])
    expect(late.alerts[2].recipients).toEqual(['station', 'regulator'])
  })

  it('when the draw runs on 1 January (Beijing), then it samples December of the year before, by Beijing month bounds', () => {
    expect(previousMonth({ year: 2027, month: 1 })).toEqual({ year: 2026, month: 12 })
    expect(monthRange({ year: 2026, month: 12 })).toEqual({ from: '2026-11-30T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' })
  })
})

describe('one sampled case', () => {
  const item: CallbackItem = {
    caseId: 'c1',
    caseNo: 'KS1',
    closerId: 'a',
    closedAt: '2026-11-03T02:00:00.000Z',
    assigneeId: 'b',
    status: 'pending',
    attempts: [],
    answers: null,
    doneBy: null,
    doneAt: null,
    eventId: null,
  }

  it('when three tries do not get through, then the case is recorded unreachable with every try, and nothing more can be written', () => {
    let current = item
    for (const n of [1, 2, 3]) {
      const next = recordAttempt(current, 'b', `2026-12-0${n}T02:00:00.000Z`, `第${n}次未接通`)
      if (!next.ok) throw new Error('attempt refused')
      current = next.data
    }
    expect(current).toMatchObject({ status: 'unreachable', doneBy: 'b', doneAt: '2026-12-03T02:00:00.000Z' })
    expect(current.attempts).toHaveLength(3)
    expect(recordAttempt(current, 'b', '2026-12-04T02:00:00.000Z', '')).toMatchObject({ ok: false, error: { code: 'CALLBACK_DONE' } })
  })

  it('when the progress of a month is counted, then unreachable cases stay in the sample and only completed ones count toward 98 %', () => {
    const answers = { knowsResult: true, promiseKept: true, satisfied: true, improve: '', unresolved: '' }
    const done = completeCallback(item, answers, 'b', '2026-12-02T02:00:00.000Z', 'e1')
    if (!done.ok) throw new Error('refused')
    const items = [...Array(49).fill(done.data), { ...item, status: 'unreachable' as const }]
    expect(callbackProgress({ items })).toEqual({ sampled: 50, completed: 49, unreachable: 1, pending: 0, percent: 98, meetsGoal: true })
    expect(callbackProgress({ items: [...items, item] })).toMatchObject({ sampled: 51, percent: 96, meetsGoal: false })
    expect(callbackProgress({ items: [] })).toMatchObject({ percent: null, meetsGoal: null })
  })

  it('when the promise was not kept, or the person is not satisfied, then the case wants the reopen path', () => {
    expect(wantsReopen({ promiseKept: false, satisfied: true })).toBe(true)
    expect(wantsReopen({ promiseKept: true, satisfied: false })).toBe(true)
    expect(wantsReopen({ promiseKept: true, satisfied: true })).toBe(false)
  })
})

describe('the review of low ratings (below 80 %)', () => {
  it('when the scores sum to 11 of 15, then it is reviewed; 12 of 15 is exactly 80 % and is not, unless not satisfied', () => {
    expect(needsReview({ speed: 4, professionalism: 4, attitude: 3, satisfied: true })).toBe(true)
    expect(needsReview({ speed: 4, professionalism: 4, attitude: 4, satisfied: true })).toBe(false)
    expect(needsReview({ speed: 5, professionalism: 5, attitude: 5, satisfied: false })).toBe(true)
    expect(ratingPercent({ speed: 4, professionalism: 4, attitude: 3, satisfied: true })).toBe(73)
  })
})
