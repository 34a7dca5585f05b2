import { chineseDaysTable } from '../../cloudfunctions/adapters/calendar/chinese-days-table'
import { cardColour, computeDeadline } from '../../src/domain/clocks/clock-deadline'
import { ruleFor } from '../../src/domain/clocks/clock-rules'
import { extendClock } from '../../src/domain/clocks/clock-extension'
import type { CaseClock } from '../../src/domain/clocks/case-clock'

const table = chineseDaysTable()
const beijing = (local: string) => new Date(`${local}+08:00`)

describe('clocks as data', () => {
  it('when a merchant gets a case at 14:00, then the 45-minute clock reminds at 14:22:30, urges at 14:36 and is red at 14:45', () => {
    const d = computeDeadline(ruleFor('merchant_response'), beijing('2026-03-10T14:00:00'), table)
    expect(d.dueAt).toBe(beijing('2026-03-10T14:45:00').toISOString())
    expect(d.remindAt).toBe(beijing('2026-03-10T14:22:30').toISOString())
    expect(d.urgeAt).toBe(beijing('2026-03-10T14:36:00').toISOString())
    expect(cardColour(d, beijing('2026-03-10T14:30:00'))).toBe('green')
    expect(cardColour(d, beijing('2026-03-10T14:40:00'))).toBe('yellow')
    expect(cardColour(d, beijing('2026-03-10T14:45:00'))).toBe('red')
    expect(d.explanation).toBe('自 2026年3月10日 14:00 起 45 分钟')
  })

  it('when a complaint arrives on 2025-09-30, then the accept decision explains itself: start, rule, days skipped', () => {
    const d = computeDeadline(ruleFor('accept_decision'), beijing('2025-09-30T15:20:00'), table)
    expect(d.dueAt).toBe('2025-10-16T16:00:00.000Z')
    expect(d.explanation).toContain('自 2025年9月30日 15:20 起 7 个工作日，至 2025-10-16 24:00')
    expect(d.explanation).toContain('国庆节')
    expect(d.provisional).toBe(false)
  })

  it('when a deadline runs into an unpublished year, then its explanation says the deadline is provisional', () => {
    const d = computeDeadline(ruleFor('completion', {}, 'complex'), beijing('2026-12-20T10:00:00'), table)
    expect(d.provisional).toBe(true)
    expect(d.explanation).toContain('2027年节假日安排尚未公布，期限为暂定')
  })

  it('when a site sets its own numbers, then they replace the defaults', () => {
    expect(ruleFor('merchant_response', { amounts: { merchant_response: 30 } }).amount).toBe(30)
    expect(ruleFor('completion', {}, 'goods').amount).toBe(5)
    expect(ruleFor('completion', { completion: { goods: 3 } }, 'goods').amount).toBe(3)
    expect(ruleFor('completion', {}, 'complex').amount).toBe(15)
  })
})

describe('extending a clock', () => {
  const started = computeDeadline(ruleFor('completion', {}, 'complex'), beijing('2025-09-15T10:00:00'), table)
  const running: CaseClock = { caseId: 'c', ...started, stage: 'running', nextCheckAt: started.remindAt, stoppedAt: null }

  it('when a complex case is extended across National Day, then the new deadline counts working days after the old one and skips the holiday', () => {
    expect(started.dueAt).toBe('2025-10-11T16:00:00.000Z') // 15 working days from 15 Sep: 28 Sep and 11 Oct are make-up days, 1–8 Oct off
    const r = extendClock(running, 15, table, beijing('2025-09-20T10:00:00'))
    expect(r).toMatchObject({
      ok: true,
      data: { previousDueAt: '2025-10-11T16:00:00.000Z', clock: { dueAt: '2025-10-31T16:00:00.000Z', stage: 'running' } },
    })
  })

  it('when a clock is already overdue or stopped, then it cannot be extended: a red card is never erased', () => {
    expect(extendClock({ ...running, stage: 'overdue' }, 15, table, beijing('2025-10-20T10:00:00'))).toMatchObject({
      ok: false,
      error: { code: 'EXTENSION_NOT_ALLOWED' },
    })
    expect(extendClock(running, 15, table, beijing('2025-10-12T10:00:00'))).toMatchObject({
      ok: false,
      error: { code: 'EXTENSION_NOT_ALLOWED' },
    })
    expect(extendClock({ ...running, stage: 'stopped' }, 15, table, beijing('2025-09-20T10:00:00'))).toMatchObject({
      ok: false,
      error: { code: 'EXTENSION_NOT_ALLOWED' },
    })
  })

  it('when a clock was already urged, then the next check is its new due instant: no card is sent twice', () => {
    const r = extendClock({ ...running, stage: 'urged' }, 15, table, beijing('2025-10-10T10:00:00'))
    expect(r.ok && r.data.clock.nextCheckAt).toBe(r.ok && r.data.clock.dueAt)
  })

  it('when the extension reaches a year whose calendar is not published, then it is marked provisional', () => {
    const late = computeDeadline(ruleFor('completion', {}, 'complex'), beijing('2026-12-01T10:00:00'), table)
    const clock: CaseClock = { caseId: 'c', ...late, stage: 'running', nextCheckAt: late.remindAt, stoppedAt: null }
    const r = extendClock(clock, 15, table, beijing('2026-12-02T10:00:00'))
    expect(r).toMatchObject({
      ok: true,
      data: { clock: { provisional: true, explanation: expect.stringContaining('2027年节假日安排尚未公布') } },
    })
  })
})
