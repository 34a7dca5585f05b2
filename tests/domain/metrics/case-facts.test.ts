import { byId, FACTS, filerKey } from './world'

// The world's cases, one by one: what each clock came to on 20 March 2026 12:00 (world.ts says why, case
// by case), the closure's outcome, the money and the filer key. The rates in metrics.test.ts are sums of these.
const R = (s: string) => {
  const [fa, ir, ad, mr, os, co, me, rv] = s.split(' ')
  return {
    first_answer: fa,
    initial_review: ir,
    accept_decision: ad,
    merchant_response: mr,
    on_site: os,
    completion: co,
    mediation: me,
    return_visit: rv,
  }
}

describe('metrics: the facts of each case', () => {
  //                       24h     1h      7wd     45min   90min   complete mediation visit
  const expected: Record<string, string> = {
    C01: 'met     met     met     met     none    met     none    met',
    C02: 'met     late    met     missed  none    met     met     late',
    C03: 'met     met     met     late    none    late    met     missed',
    C04: 'moot    moot    moot    none    none    none    none    none',
    C05: 'met     met     met     none    none    met     none    met',
    C06: 'late    late    met     moot    none    met     met     met',
    C07: 'met     met     met     met     met     late    none    met',
    C08: 'met     met     met     missed  none    missed  none    none',
    C09: 'met     met     met     met     none    pending none    none',
    C10: 'met     late    met     none    none    none    none    none',
    C11: 'met     late    met     none    none    none    none    none',
    C12: 'late    late    met     none    none    late    none    missed',
    C13: 'met     met     met     met     none    met     none    met',
    C14: 'missed  missed  pending none    none    none    none    none',
  }
  it.each(Object.entries(expected).map(([id, r]) => [id, r.replace(/\s+/g, ' ')]))(
    'when the clocks of %s are read on 20 March, then they say %s',
    (id, results) => {
      expect(byId(id).clocks).toEqual(R(results))
    },
  )

  it('when cases settle or mediate with money, then the accepted offers and the agreements add up in fen', () => {
    // C01 refund 5000; C02 agreement 20000; C03 exchange (no money); C06 agreement 300000;
    // C07 compensation 10000 + (reopened) refund 2000 = 12000; C09's offer is not accepted yet: 0; C13 refund 8800
    const money = Object.fromEntries(FACTS.map((f) => [f.caseId, f.moneyFen]))
    expect(money).toMatchObject({ C01: 5000, C02: 20000, C03: 0, C06: 300000, C07: 12000, C09: 0, C13: 8800 })
  })

  it('when a desk, a hotline hand-over or a proxy helper filed, then there is no filer key; otherwise only a hash', () => {
    expect(['C06', 'C07', 'C08', 'C11'].map((id) => byId(id).filerKey)).toEqual([null, null, null, null])
    expect(byId('C01').filerKey).toBe(filerKey('U1'))
    expect(JSON.stringify(FACTS)).not.toMatch(/"U\d"|staff:|proxy:/)
  })

  it('when the case was reopened and closed again, then it is closed with the last outcome and counts both ratings', () => {
    const c07 = byId('C07')
    expect(c07).toMatchObject({ outcome: 'settled', reopened: true, accepted: true })
    expect(c07.ratings.map((r) => r.satisfied)).toEqual([false, true])
  })
})
