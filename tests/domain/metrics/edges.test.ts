import type { CaseEvent } from '../../../src/domain/case.schema'
import type { CaseClock } from '../../../src/domain/clocks/case-clock'
import { clockResult } from '../../../src/domain/metrics/clock-result'
import { metricsOf } from '../../../src/domain/metrics/metrics'
import { dayOf, mondayOf, periodKey } from '../../../src/domain/metrics/period'
import { averageOf, rateOf } from '../../../src/domain/metrics/rate'
import { metricsFromRollups, rollupOf } from '../../../src/domain/metrics/rollup'
import { ASOF, byId, factsOf, WORLD } from './world'

const byIdEvent: CaseEvent = WORLD[0].events[0]

describe('metrics: edges', () => {
  it('when there is nothing to count, then a rate reads 无数据 and has no percentage', () => {
    expect(rateOf(0, 0)).toEqual({ numerator: 0, denominator: 0, percent: null, label: '无数据' })
    expect(averageOf(0, 0)).toMatchObject({ value: null, label: '无数据' })
    expect(rateOf(0, 5)).toMatchObject({ percent: 0, label: '0.00%' })
  })

  it('when a rate is all but complete, then its label never rounds up to 100%', () => {
    expect(rateOf(1999, 2000).label).toBe('99.95%')
    expect(rateOf(19999, 20000).label).toBe('99.99%')
    expect(rateOf(7516, 10000).label).toBe('75.16%') // the seeds' mediation success
    expect(rateOf(3, 3).label).toBe('100%')
  })

  it('when there are no cases, then there are no groups on either path', () => {
    expect(metricsOf([], { period: { unit: 'month' }, by: ['site'] })).toEqual([])
    expect(metricsFromRollups(rollupOf([]), { by: [] })).toEqual([])
  })

  it('when the only case was withdrawn within minutes, then it counts in volume and in no rate', () => {
    const m = metricsOf([byId('C04')], { by: [] })[0].metrics
    expect([m.volume, m.withdrawn]).toEqual([1, 1])
    for (const r of [m.response24h, m.initialCheck, m.completionOnTime, m.overdue, m.selfSettlement, m.satisfaction, m.returnVisits])
      expect(r.label).toBe('无数据')
  })

  it('when the reopened case is counted alone, then it is one case judged on its last round, with both ratings and both payments', () => {
    const m = metricsOf([byId('C07')], { by: [] })[0].metrics
    // one case; the second completion round (due 10 Feb, closed 11 Feb) was late; the second 45 minutes were kept
    expect([m.volume, m.reopened, m.completionOnTime.label, m.merchant45.label]).toEqual([1, 1, '0.00%', '100%'])
    expect([m.satisfaction.numerator, m.satisfaction.denominator, m.moneyRecoveredFen]).toEqual([1, 2, 12000])
    expect(m.selfSettlement.label).toBe('100%') // closed settled (again)
  })

  it('when the figures are taken earlier, then a clock not yet due is pending, not missed', () => {
    // C14 was received 19 March 09:00: at 09:30 its 1-hour clock still runs, by 20 March noon both clocks are missed
    const c14 = WORLD.filter((w) => w.row.id === 'C14')[0]
    expect(factsOf(c14, new Date('2026-03-19T09:30:00+08:00')).clocks.initial_review).toBe('pending')
    expect(factsOf(c14, ASOF).clocks.first_answer).toBe('missed')
  })

  it('when a clock is paused by a suspended mediation, then it is pending; when marked overdue by the tick, then missed', () => {
    const base: CaseClock = {
      caseId: 'X',
      clockId: 'completion',
      startedAt: '2026-02-01T00:00:00.000Z',
      dueAt: '2026-02-10T16:00:00.000Z',
      remindAt: '2026-02-05T00:00:00.000Z',
      urgeAt: '2026-02-08T00:00:00.000Z',
      explanation: '',
      provisional: false,
      stage: 'urged',
      nextCheckAt: null,
      stoppedAt: null,
      pausedAt: '2026-02-09T00:00:00.000Z',
    }
    expect(clockResult('completion', [base], [], ASOF)).toBe('pending')
    expect(clockResult('completion', [{ ...base, pausedAt: null, stage: 'overdue' }], [], new Date('2026-02-01T00:00:00Z'))).toBe('missed')
    expect(clockResult('on_site', [base], [], ASOF)).toBe('none')
  })

  it('when the tick escalates at the very instant the shop’s 45 minutes end, then the promise is missed, not moot', () => {
    const clock: CaseClock = {
      caseId: 'X',
      clockId: 'merchant_response',
      startedAt: '2026-02-03T00:10:00.000Z',
      dueAt: '2026-02-03T00:55:00.000Z',
      remindAt: '2026-02-03T00:32:30.000Z',
      urgeAt: '2026-02-03T00:46:00.000Z',
      explanation: '',
      provisional: false,
      stage: 'stopped',
      nextCheckAt: null,
      stoppedAt: '2026-02-03T00:55:00.000Z',
    }
    const at = (type: CaseEvent['type'], instant: string): CaseEvent => ({
      ...byIdEvent,
      type,
      at: instant,
    })
    expect(clockResult('merchant_response', [clock], [at('escalated', '2026-02-03T08:55:00+08:00')], ASOF)).toBe('missed')
    expect(clockResult('merchant_response', [clock], [at('answered', '2026-02-03T08:55:00+08:00')], ASOF)).toBe('met')
    // one minute earlier the station stepped in by choice: the shop's promise was never put to the test
    const early = { ...clock, stoppedAt: '2026-02-03T00:54:00.000Z' }
    expect(clockResult('merchant_response', [early], [at('station_mediation', '2026-02-03T08:54:00+08:00')], ASOF)).toBe('moot')
  })

  it('when a day is named, then it is the Beijing calendar day and periods follow it', () => {
    expect(dayOf('2026-01-31T16:30:00Z')).toBe('2026-02-01') // 00:30 on 1 February in Beijing
    expect(dayOf('2026-01-31T15:59:00Z')).toBe('2026-01-31')
    expect(mondayOf('2026-02-22')).toBe('2026-02-16') // a Sunday belongs to the week begun on Monday
    expect(periodKey('2026-02-17', { unit: 'week' })).toBe('2026-02-16周')
    expect(periodKey('2026-03-31', { unit: 'quarter' })).toBe('2026-Q1')
    expect(periodKey('2026-04-01', { unit: 'quarter' })).toBe('2026-Q2')
    expect(periodKey('2026-07-01', { unit: 'custom', from: '2026-01-01', to: '2026-06-30' })).toBeNull()
    expect(periodKey('2026-2-1', { unit: 'month' })).toBeNull()
  })
})
