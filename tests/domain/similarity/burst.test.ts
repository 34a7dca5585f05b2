import { DEFAULT_BURST_RULE, merchantBurst, productBurst } from '../../../src/domain/similarity/burst'
import { at, kase } from './burst-cases'

// Fixed dates: the rule is 5 similar complaints within 24 h, raised once per window.
const rule = DEFAULT_BURST_RULE

describe('burst of similar complaints against one shop', () => {
  const four = [kase('c1', 0), kase('c2', 2), kase('c3', 5), kase('c4', 9)]

  it('when the fifth similar complaint arrives within 24 h, then an alert is found for the window starting at the first', () => {
    const found = merchantBurst(kase('c5', 20), four, rule, null)
    expect(found).toEqual({
      key: 'merchant:gym',
      basis: 'merchant',
      windowStart: at(0),
      windowEnd: at(24),
      caseIds: ['c1', 'c2', 'c3', 'c4', 'c5'],
    })
  })

  it('when only four arrive, or the first fell out of the 24 h, then nothing is found', () => {
    expect(merchantBurst(four[3], four.slice(0, 3), rule, null)).toBeNull()
    expect(merchantBurst(kase('c5', 24), four, rule, null)).toBeNull() // c1 is exactly 24 h old: outside
  })

  it('when a sixth arrives in the window already alerted, then nothing new is raised (once per window)', () => {
    const five = [...four, kase('c5', 20)]
    expect(merchantBurst(kase('c6', 22), five, rule, at(24))).toBeNull()
    // the same check again for the fifth (a retry, a second pass) is the same window: nothing
    expect(merchantBurst(five[4], four, rule, at(24))).toBeNull()
  })

  it('when five fresh complaints come after the alerted window ended, then a new window is raised', () => {
    // (the last argument is the alert's stored window end: the window of 0 h ended at 24 h)
    const later = [kase('d1', 25), kase('d2', 26), kase('d3', 27), kase('d4', 28)]
    const found = merchantBurst(kase('d5', 30), [...four, kase('c5', 20), ...later], rule, at(24))
    expect(found?.windowStart).toBe(at(25))
    expect(found?.caseIds).toEqual(['d1', 'd2', 'd3', 'd4', 'd5'])
    // the cases of the alerted window do not count towards the next one: four fresh ones are not enough
    expect(merchantBurst(later[3], [...four, kase('c5', 20), ...later.slice(0, 3)], rule, at(24))).toBeNull()
    // and a case filed inside the alerted window raises nothing, however many there are
    expect(merchantBurst(kase('c9', 23.5), [...four, kase('c5', 20), kase('c6', 21)], rule, at(24))).toBeNull()
  })

  it('when the site changed its window after an alert, then the alert keeps the window it was raised with', () => {
    const five = [...four, kase('c5', 20)] // alerted at 0 h with 24 h: it ends at 24 h, whatever the site says now
    const oneHour = { ...rule, windowHours: 1 }
    const burstAt21 = [kase('e1', 21), kase('e2', 21.2), kase('e3', 21.4), kase('e4', 21.6)]
    expect(merchantBurst(kase('e5', 21.8), [...five, ...burstAt21], oneHour, at(24))).toBeNull()
    // and a longer window saved later does not stretch the old alert: past 24 h a new burst is found
    const week = { ...rule, windowHours: 168 }
    const fresh = [kase('f1', 30), kase('f2', 31), kase('f3', 32), kase('f4', 33)]
    expect(merchantBurst(kase('f5', 34), [...five, ...fresh], week, at(24))?.windowStart).toBe(at(30))
  })

  it('when complaints of the shop are about other things, then they do not count; reports never count', () => {
    const others = [
      kase('x1', 1, { problemType: '价格', description: '结账多收了钱' }),
      kase('x2', 2, { problemType: '服务态度', description: '前台态度很差' }),
      kase('r1', 3, { kind: 'report' }),
    ]
    expect(merchantBurst(kase('c5', 20), [...four.slice(0, 2), ...others], rule, null)).toBeNull()
  })
})

describe('burst about one product on a site', () => {
  it('when five complaints name the same product at different shops, then a product alert is found', () => {
    const cases = ['a', 'b', 'c', 'd'].map((m, i) => kase(`p${i}`, i, { merchantId: m, product: '某品牌 电热水壶', problemType: '质量' }))
    const found = productBurst(kase('p4', 5, { merchantId: 'e', product: '某品牌电热水壶', problemType: '安全隐患' }), cases, rule, null)
    expect(found?.key).toBe('product:s1:某品牌电热水壶')
    expect(found?.caseIds).toHaveLength(5)
  })

  it("when all of them are at one shop, then it is that shop's burst, not a product's", () => {
    const cases = [0, 1, 2, 3].map((i) => kase(`p${i}`, i, { product: '电热水壶' }))
    expect(productBurst(kase('p4', 5, { product: '电热水壶' }), cases, rule, null)).toBeNull()
  })

  it('when the case names no product, or another site, then nothing is found', () => {
    const cases = [0, 1, 2, 3].map((i) => kase(`p${i}`, i, { product: '电热水壶' }))
    expect(productBurst(kase('p4', 5, { product: '' }), cases, rule, null)).toBeNull()
    expect(productBurst(kase('p4', 5, { product: '电热水壶', siteId: 's2' }), cases, rule, null)).toBeNull()
  })
})
