import {
  baselineBurst,
  baselineSpans,
  baselineThreshold,
  DEFAULT_BASELINE_RULE,
  isBaselineJump,
} from '../../../src/domain/similarity/baseline'
import type { BurstCase } from '../../../src/domain/similarity/burst'

// Fixed dates. The baseline jump: a shop's complaints of one Beijing day reach max(3, 3 × its daily
// average over the 28 days before); one alert per shop and day.
const kase = (id: string, createdAt: string, over: Partial<BurstCase> = {}): BurstCase => ({
  id,
  siteId: 's1',
  kind: 'complaint',
  merchantId: 'shop',
  problemType: '质量',
  description: '买到的东西坏了',
  product: '',
  createdAt,
  ...over,
})

describe('the baseline jump', () => {
  it('when an instant is given, then its Beijing day and the 28 days before are the spans', () => {
    // 2026-12-05 01:30 Beijing is still 12-04 in UTC: the day starts at 12-04 16:00Z
    expect(baselineSpans(new Date('2026-12-04T17:30:00Z'))).toEqual({
      day: { from: '2026-12-04T16:00:00.000Z', to: '2026-12-05T16:00:00.000Z' },
      before: { from: '2026-11-06T16:00:00.000Z', to: '2026-12-04T16:00:00.000Z' },
    })
    // 23:59 Beijing belongs to that day, 00:00 to the next
    expect(baselineSpans(new Date('2026-12-05T15:59:59Z')).day.from).toBe('2026-12-04T16:00:00.000Z')
    expect(baselineSpans(new Date('2026-12-05T16:00:00Z')).day.from).toBe('2026-12-05T16:00:00.000Z')
  })

  it('when the shop was quiet, then 3 in a day is a jump and 2 is not; when it was busy, then 3 × its average', () => {
    expect(baselineThreshold(0)).toBe(3)
    expect([isBaselineJump(2, 0), isBaselineJump(3, 0)]).toEqual([false, true])
    expect(baselineThreshold(27)).toBe(3) // average under 1 a day: the floor of 3 holds
    // 56 in 28 days is 2 a day: 6 is the jump, 5 is not
    expect(baselineThreshold(56)).toBe(6)
    expect([isBaselineJump(5, 56), isBaselineJump(6, 56)]).toEqual([false, true])
    // 40 in 28 days: 3 × 1.43 = 4.29, so 5 is the first jump
    expect([isBaselineJump(4, 40), isBaselineJump(5, 40)]).toEqual([false, true])
    expect(DEFAULT_BASELINE_RULE).toEqual({ minCount: 3, factor: 3, baselineDays: 28 })
  })

  it('when the day jumps, then the finding is the day, with its complaints up to the trigger, oldest first', () => {
    const day = [kase('a', '2026-12-04T16:30:00Z'), kase('b', '2026-12-05T01:00:00Z')]
    const yesterday = kase('y', '2026-12-04T15:59:00Z')
    const other = kase('o', '2026-12-05T02:00:00Z', { merchantId: 'elsewhere' })
    const report = kase('r', '2026-12-05T02:30:00Z', { kind: 'report' })
    const later = kase('z', '2026-12-05T09:00:00Z')
    const trigger = kase('c', '2026-12-05T03:00:00Z')
    expect(baselineBurst(trigger, [later, trigger, ...day, yesterday, other, report], { today: 3, before: 0 }, null)).toEqual({
      key: 'baseline:shop',
      basis: 'baseline',
      windowStart: '2026-12-04T16:00:00.000Z',
      windowEnd: '2026-12-05T16:00:00.000Z',
      caseIds: ['a', 'b', 'c'],
    })
  })

  it('when the day has its alert already, or the count is below the baseline, then nothing is found (once per day)', () => {
    const trigger = kase('c', '2026-12-05T03:00:00Z')
    expect(baselineBurst(trigger, [], { today: 9, before: 0 }, '2026-12-04T16:00:00.000Z')).toBeNull()
    expect(baselineBurst(trigger, [], { today: 5, before: 56 }, null)).toBeNull()
    // yesterday's alert does not hold today's back
    expect(baselineBurst(trigger, [], { today: 3, before: 0 }, '2026-12-03T16:00:00.000Z')?.windowStart).toBe('2026-12-04T16:00:00.000Z')
    expect(baselineBurst(kase('r', trigger.createdAt, { kind: 'report' }), [], { today: 9, before: 0 }, null)).toBeNull()
  })
})
