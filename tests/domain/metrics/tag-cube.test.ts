import type { CaseFacts } from '../../../src/domain/metrics/case-facts'
import { caseContributionOf, CUBE_IDS, cubeRowsOf, mergeCubeRows, statsDelta, type CubeRow } from '../../../src/domain/metrics/cubes'

// The tag cube (month_tag, docs/tags.md "As a statistics dimension"): a case counts once under each of its
// confirmed tags; a case without a tag is in no tag row. A small world worked out by hand.
function facts(caseId: string, day: string, site: string, kind: string, tags: string[], extra: Partial<CaseFacts> = {}): CaseFacts {
  return {
    caseId,
    day,
    slot: '1-09',
    dims: { site, merchant: 'm1', industry: '餐饮', problemType: '质量', channel: 'miniprogram', kind },
    filerKey: null,
    clocks: {
      first_answer: 'none',
      initial_review: 'none',
      accept_decision: 'none',
      merchant_response: 'none',
      on_site: 'none',
      completion: 'none',
      mediation: 'none',
      return_visit: 'none',
    },
    outcome: null,
    withdrawn: false,
    reopened: false,
    accepted: false,
    extended: false,
    ratings: [],
    moneyFen: 0,
    tags,
    ...extra,
  }
}

// a: 预付卡 + 老年人 in January at site-a; b: 预付卡 in January at site-a, with 5,000 fen recovered;
// c: no tag; d: 预付卡 in February; e: 老年人, a report at site-b, in January
const WORLD = [
  facts('a', '2026-01-05', 'site-a', 'complaint', ['prepaid', 'elderly']),
  facts('b', '2026-01-28', 'site-a', 'complaint', ['prepaid'], { moneyFen: 5000 }),
  facts('c', '2026-01-10', 'site-a', 'complaint', []),
  facts('d', '2026-02-02', 'site-a', 'complaint', ['prepaid']),
  facts('e', '2026-01-15', 'site-b', 'report', ['elderly']),
]

const tagRows = (rows: CubeRow[]) =>
  rows
    .filter((r) => r.cube === 'month_tag')
    .map((r) => ({ day: r.day, site: r.site, kind: r.kind, tag: r.tag, volume: r.volume, moneyFen: r.moneyFen, merchant: r.merchant }))
    .sort((x, y) => `${x.day}${x.site}${x.tag}`.localeCompare(`${y.day}${y.site}${y.tag}`))

describe('the tag cube (month_tag)', () => {
  const all = mergeCubeRows(WORLD.flatMap((f) => cubeRowsOf(caseContributionOf(f), 1)))

  it('when cases carry tags, then each counts once under each of its tags, by month, site and kind', () => {
    expect(tagRows(all)).toEqual([
      { day: '2026-01-01', site: 'site-a', kind: 'complaint', tag: 'elderly', volume: 1, moneyFen: 0, merchant: '' },
      { day: '2026-01-01', site: 'site-a', kind: 'complaint', tag: 'prepaid', volume: 2, moneyFen: 5000, merchant: '' },
      { day: '2026-01-01', site: 'site-b', kind: 'report', tag: 'elderly', volume: 1, moneyFen: 0, merchant: '' },
      { day: '2026-02-01', site: 'site-a', kind: 'complaint', tag: 'prepaid', volume: 1, moneyFen: 0, merchant: '' },
    ])
  })

  it('when the tag bars are added up, then they do not make the total (two tags count twice, no tag not at all)', () => {
    const january = (cube: string) => all.filter((r) => r.cube === cube && r.day.startsWith('2026-01')).reduce((n, r) => n + r.volume, 0)
    expect(january('day_site')).toBe(4) // a, b, c, e
    expect(january('month_tag')).toBe(4) // a twice, b, e; c in no bar
    expect(all.filter((r) => r.cube === 'month_tag' && r.tag === '').length).toBe(0)
  })

  it('when a case has no tag, then it adds no tag row, and every other cube row is as before', () => {
    const c = cubeRowsOf(caseContributionOf(WORLD[2]), 1)
    expect(c.filter((r) => r.cube === 'month_tag')).toEqual([])
    expect(c.map((r) => r.cube)).toEqual(CUBE_IDS.filter((id) => id !== 'month_tag'))
  })

  it('when a case is tagged twice with the same tag, then it still counts once there', () => {
    const twice = cubeRowsOf(caseContributionOf(facts('x', '2026-03-01', 's', 'complaint', ['prepaid', 'prepaid'])), 1)
    expect(twice.filter((r) => r.cube === 'month_tag').map((r) => [r.tag, r.volume])).toEqual([['prepaid', 1]])
  })

  it('when staff change a case from 预付卡 to 老年人, then the refresh moves it between tag rows and nothing else', () => {
    const before = caseContributionOf(WORLD[1])
    const after = caseContributionOf({ ...WORLD[1], tags: ['elderly'] })
    const delta = statsDelta(before, after)
    expect(delta.rows.map((r) => [r.cube, r.tag, r.volume, r.moneyFen])).toEqual([
      ['month_tag', 'prepaid', -1, -5000],
      ['month_tag', 'elderly', 1, 5000],
    ])
  })

  it('when a contribution was stored before tags were counted, then the next refresh adds its tag rows only', () => {
    const { tags: _none, ...old } = caseContributionOf(WORLD[0])
    const delta = statsDelta(old, caseContributionOf(WORLD[0]))
    expect(delta.rows.map((r) => [r.cube, r.tag, r.volume])).toEqual([
      ['month_tag', 'prepaid', 1],
      ['month_tag', 'elderly', 1],
    ])
  })
})
