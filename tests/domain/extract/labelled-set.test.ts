// The labelled set's shape and coverage. No accuracy thresholds here on purpose: the scores are a
// report (npx tsx scripts/eval-extract.ts), not something to tune until a test passes.
import { DEMANDS } from '../../../src/domain/classification'
import { extractComplaint } from '../../../src/domain/extract/extract-complaint'
import { ExtractionSchema } from '../../../src/domain/extract/extraction.schema'
import { INDUSTRY_LINES } from '../../../src/domain/industry'
import { loadLabelledSet } from '../../fixtures/complaints/labelled-set'

const { items, problems } = loadLabelledSet()

describe('the labelled complaint set', () => {
  it('when the fixture files are read, then every item fits the schema and ids are unique', () => {
    expect(problems).toEqual([])
  })

  it('when the items are counted, then there are at least 150', () => {
    expect(items.length).toBeGreaterThanOrEqual(150)
  })

  it('when labels are tallied, then all ten industry lines and all six demand types occur', () => {
    expect(new Set(items.map((i) => i.expected.industry))).toEqual(new Set(INDUSTRY_LINES))
    expect(new Set(items.flatMap((i) => i.expected.demands))).toEqual(new Set(DEMANDS))
  })

  it('when labels are tallied, then the set has items without a date, without an amount and without a demand', () => {
    expect(items.some((i) => i.expected.purchaseTime === null)).toBe(true)
    expect(items.some((i) => i.expected.amountYuan === null)).toBe(true)
    expect(items.some((i) => i.expected.demands.length === 0)).toBe(true)
  })

  it('when every item is extracted, then the extractor never throws and always returns a valid shape', () => {
    for (const item of items) {
      const x = extractComplaint(item.text, { now: new Date(item.now), shops: item.shops })
      const parsed = ExtractionSchema.safeParse(x)
      if (!parsed.success) throw new Error(`${item.id}: ${parsed.error.message}`)
    }
  })
})
