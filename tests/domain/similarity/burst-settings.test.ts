import { DEFAULT_BURST_RULE, merchantBurst } from '../../../src/domain/similarity/burst'
import { at, kase } from './burst-cases'
import { BurstSettingsSchema, burstRuleOf, defaultBurstSettings, type BurstSettings } from '../../../src/domain/similarity/burst-settings'

// Fixed dates: a site's own K and window (3 within 12 h here) against the default (5 within 24 h).
const tight: BurstSettings = { siteId: 's1', k: 3, windowHours: 12, updatedBy: 'st1', updatedAt: at(-1) }

describe("a site's own burst settings", () => {
  it('when a site sets K=3 within 12 h, then the third similar complaint within 12 h raises, windowed 12 h', () => {
    const found = merchantBurst(kase('c3', 11), [kase('c1', 0), kase('c2', 5)], burstRuleOf(tight), null)
    expect(found).toEqual({ key: 'merchant:gym', basis: 'merchant', windowStart: at(0), windowEnd: at(12), caseIds: ['c1', 'c2', 'c3'] })
  })

  it('when the third comes 13 h after the first, then nothing is raised on that site', () => {
    expect(merchantBurst(kase('c3', 13), [kase('c1', 0), kase('c2', 5)], burstRuleOf(tight), null)).toBeNull()
  })

  it('when a site has saved nothing, then the default holds: 5 within 24 h, the third and fourth raise nothing', () => {
    expect(burstRuleOf(null)).toEqual(DEFAULT_BURST_RULE)
    expect(DEFAULT_BURST_RULE).toEqual({ k: 5, windowHours: 24 })
    const rule = burstRuleOf(null)
    const four = [kase('c1', 0), kase('c2', 2), kase('c3', 5), kase('c4', 9)]
    expect(merchantBurst(four[2], four.slice(0, 2), rule, null)).toBeNull()
    expect(merchantBurst(four[3], four.slice(0, 3), rule, null)).toBeNull()
    expect(merchantBurst(kase('c5', 20), four, rule, null)?.caseIds).toEqual(['c1', 'c2', 'c3', 'c4', 'c5'])
    expect(defaultBurstSettings('s9')).toEqual({ siteId: 's9', k: 5, windowHours: 24, updatedBy: null, updatedAt: null })
  })

  it('when K or the window is out of bounds or not whole, then the schema refuses it with a Chinese message per field', () => {
    const base = { siteId: 's1', updatedBy: null, updatedAt: null }
    expect(BurstSettingsSchema.safeParse({ ...base, k: 3, windowHours: 1 }).success).toBe(true)
    expect(BurstSettingsSchema.safeParse({ ...base, k: 20, windowHours: 168 }).success).toBe(true)
    const messages = (k: number, windowHours: number) => {
      const r = BurstSettingsSchema.safeParse({ ...base, k, windowHours })
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]))
    }
    expect(messages(2, 169)).toEqual({ k: '预警件数不能少于3件', windowHours: '时间范围不能多于168小时' })
    expect(messages(21, 0)).toEqual({ k: '预警件数不能多于20件', windowHours: '时间范围不能少于1小时' })
    expect(messages(3.5, 1.5)).toEqual({ k: '预警件数须为整数', windowHours: '时间范围须为整数小时' })
  })
})
