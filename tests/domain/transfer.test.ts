import { chineseDaysTable } from '../../cloudfunctions/adapters/calendar/chinese-days-table'
import { clocksAfterEvent } from '../../src/domain/clocks/case-clock'
import { DECISION_CLOCKS, clocksOnArrival, clocksOnSendBack, keepDestinationClock } from '../../src/domain/workflow/transfer-clocks'
import { TransferDetailsSchema, pendingTransfer, transferConfirmed, type TransferDetails } from '../../src/domain/workflow/transfer'

// 转办 with a destination (issue 17.6): which clock each destination runs, counted on the State
// Council calendar across the 2026 Spring Festival (holidays 15–23 February; Saturdays 14 and 28
// February are make-up working days), and what the timeline says is still out.
const table = chineseDaysTable()
const beijing = (local: string) => new Date(`${local}+08:00`)
const to = (destination: TransferDetails['destination'], toName = '某单位'): TransferDetails =>
  TransferDetailsSchema.parse({ kind: 'transfer', destination, toName, toSiteId: destination === 'site' ? 'site-b' : '' })
const decided = (destination: TransferDetails['destination'], at: Date) =>
  keepDestinationClock(clocksAfterEvent('c1', [], 'transferred', at, { table }), to(destination))

describe('the clock of each destination', () => {
  it('when a case goes to the police on Thursday 12 February, then the 3 working days end on Tuesday 24 February (春节 skipped)', () => {
    const clocks = decided('police', beijing('2026-02-12T10:00:00'))
    expect(clocks.map((k) => k.clockId)).toEqual(['handover_police'])
    expect(clocks[0].dueAt).toBe('2026-02-24T16:00:00.000Z') // 13 Fri, 14 Sat (make-up), 24 Tue — 24:00 Beijing
    expect(clocks[0].explanation).toContain('春节')
  })

  it('when a case goes to another department on Thursday 12 February, then the 5 working days end on Thursday 26 February', () => {
    const clocks = decided('department', beijing('2026-02-12T10:00:00'))
    expect(clocks.map((k) => k.clockId)).toEqual(['handover_department'])
    expect(clocks[0].dueAt).toBe('2026-02-26T16:00:00.000Z')
  })

  it('when a case goes to a bureau elsewhere on the eve of the holiday, then the 48 hours are hours, holiday or not', () => {
    const clocks = decided('cross_region', beijing('2026-02-14T18:00:00'))
    expect(clocks.map((k) => k.clockId)).toEqual(['cross_region_transfer'])
    expect(clocks[0].dueAt).toBe(beijing('2026-02-16T18:00:00').toISOString())
  })

  it('when a case moves to another site of the system, then no hand-over clock runs, and the new site’s decision clocks start at the arrival', () => {
    const filedAt = beijing('2026-03-10T09:00:00')
    const filed = clocksAfterEvent('c1', [], 'submitted', filedAt, { table })
    const arrival = beijing('2026-03-10T11:00:00')
    const afterStep = keepDestinationClock(clocksAfterEvent('c1', filed, 'transferred', arrival, { table }), to('site'))
    const clocks = clocksOnArrival('c1', afterStep, arrival, { table })
    expect(clocks.some((k) => k.clockId.startsWith('handover') || k.clockId === 'cross_region_transfer')).toBe(false)
    for (const id of ['first_answer', 'accept_decision', 'transfer_back'] as const) {
      expect(DECISION_CLOCKS).toContain(id)
      expect(clocks.filter((k) => k.clockId === id)).toEqual([
        expect.objectContaining({ stage: 'running', startedAt: arrival.toISOString() }),
      ])
    }
  })

  it('when the receiving site sends the case back, then its running decision clocks stop at the 退回', () => {
    const arrival = beijing('2026-03-10T11:00:00')
    const running = clocksAfterEvent('c1', [], 'submitted', arrival, { table })
    const back = beijing('2026-03-10T12:00:00')
    const stopped = clocksOnSendBack(running, [], back)
    expect(
      stopped.filter((k) => DECISION_CLOCKS.includes(k.clockId)).every((k) => k.stage === 'stopped' && k.stoppedAt === back.toISOString()),
    ).toBe(true)
    expect(stopped.length).toBe(running.filter((k) => DECISION_CLOCKS.includes(k.clockId)).length)
  })
})

describe('what the timeline says is out', () => {
  const ev = (type: string, details: unknown = null) => ({ type, details })
  it('when the last transfer has not come back, then it is pending, and its receipt is recorded once', () => {
    const events = [ev('submitted'), ev('transferred', to('department', '区人社局'))]
    expect(pendingTransfer(events)).toMatchObject({ destination: 'department', toName: '区人社局' })
    expect(transferConfirmed(events)).toBe(false)
    expect(transferConfirmed([...events, ev('transfer_confirmed')])).toBe(true)
  })

  it('when it came back, or a transfer was recorded before destinations existed, then nothing is pending', () => {
    expect(pendingTransfer([ev('transferred', to('site')), ev('returned')])).toBeNull()
    expect(pendingTransfer([ev('transferred', null)])).toBeNull()
    // a second transfer after a 退回 is the one out
    expect(pendingTransfer([ev('transferred', to('site')), ev('returned'), ev('transferred', to('police', '公安分局'))])).toMatchObject({
      destination: 'police',
    })
  })

  it('when a destination lacks its target, then the details are refused', () => {
    expect(TransferDetailsSchema.safeParse({ kind: 'transfer', destination: 'site', toSiteId: '' }).success).toBe(false)
    expect(TransferDetailsSchema.safeParse({ kind: 'transfer', destination: 'police', toName: '' }).success).toBe(false)
  })
})
