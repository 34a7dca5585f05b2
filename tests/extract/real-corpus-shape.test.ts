import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { DEMANDS, PROBLEM_TYPES } from '../../src/domain/classification'
import { INDUSTRY_LINES } from '../../src/domain/industry'

// The real-world corpus (issue 20.1) is only worth scoring against if every item is what the labelling
// conventions (docs/extract-labelling.md) say it is: labels from the extractor's own vocabularies, a
// source a reader can open, and a train/test split that never lets one publication feed both sides.
const DIR = resolve(__dirname, '../fixtures/extract-real')

// Issue 20 asks for at least 600 narratives; the corpus reached that goal, so the goal itself is the floor.
const GOAL = 600

const PartialDate = z.string().regex(/^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}(-\d{2})?)$/)
const HttpUrl = z
  .string()
  .url()
  .regex(/^https?:\/\//)

const ItemSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+-\d{2}$/),
    source: z.string().regex(/^[a-z0-9-]+$/),
    url: HttpUrl,
    title: z.string().min(2),
    publisher: z.string().min(2),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    kind: z.enum(['regulator', 'council', 'court', 'news']),
    text: z.string().min(15).max(1200),
    labels: z
      .object({
        industry: z.enum(INDUSTRY_LINES),
        problemType: z.enum(PROBLEM_TYPES),
        demands: z.array(z.enum(DEMANDS)),
        amountYuan: z.number().positive().nullable(),
        purchaseDate: PartialDate.nullable(),
        urgent: z.boolean(),
        merchant: z.string().min(1).max(60).nullable(),
      })
      .strict(),
    flags: z.array(z.string().min(3)).optional(),
    // the text tells the source's facts in our own words (tests/fixtures/extract-real/README.md)
    restated: z.literal(true),
  })
  .strict()

const IndexSchema = z.object({
  totalItems: z.number().int(),
  testItems: z.number().int(),
  trainItems: z.number().int(),
  sources: z.array(
    z.object({
      file: z.string().regex(/\.jsonl$/),
      url: HttpUrl,
      title: z.string(),
      publisher: z.string(),
      kind: z.string(),
      split: z.enum(['train', 'test']),
      items: z.number().int().positive(),
    }),
  ),
})

type Item = z.infer<typeof ItemSchema>

function readItems(file: string): Item[] {
  return readFileSync(join(DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ItemSchema.parse(JSON.parse(line)))
}

const files = readdirSync(DIR).filter((name) => name.endsWith('.jsonl'))
const index = IndexSchema.parse(JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')))

describe('the real-world extraction corpus (issue 20.1)', () => {
  it('when every item is read, then it has a source URL, a title and labels from the extractor vocabularies', () => {
    for (const file of files) expect(() => readItems(file)).not.toThrow()
  })

  it('when the merchant is labelled, then it is a span of the text as written', () => {
    const outside = files.flatMap(readItems).filter((item) => item.labels.merchant !== null && !item.text.includes(item.labels.merchant))
    expect(outside.map((item) => item.id)).toEqual([])
  })

  it('when the items of one file are read, then they share one source, one URL and carry unique ids', () => {
    const ids = new Set<string>()
    for (const file of files) {
      const items = readItems(file)
      expect(new Set(items.map((item) => item.url)).size).toBe(1)
      expect(items.every((item) => `${item.source}.jsonl` === file)).toBe(true)
      for (const item of items) {
        expect(ids.has(item.id)).toBe(false)
        ids.add(item.id)
      }
    }
  })

  it('when the index is read, then it lists every file once, with its item count, in exactly one split, one file per source URL', () => {
    expect(index.sources.map((source) => source.file).sort()).toEqual([...files].sort())
    for (const source of index.sources) expect(readItems(source.file)).toHaveLength(source.items)
    const bySplit = (split: 'train' | 'test') => new Set(index.sources.filter((s) => s.split === split).map((s) => s.url))
    const shared = [...bySplit('train')].filter((url) => bySplit('test').has(url))
    expect(shared).toEqual([])
    const urls = index.sources.map((source) => source.url)
    expect(urls.filter((url, i) => urls.indexOf(url) !== i)).toEqual([])
  })

  it('when the splits are counted, then the test split holds about 30 % of the items', () => {
    const test = index.sources.filter((s) => s.split === 'test').reduce((n, s) => n + s.items, 0)
    const total = index.sources.reduce((n, s) => n + s.items, 0)
    expect(index.totalItems).toBe(total)
    expect(index.testItems).toBe(test)
    expect(test / total).toBeGreaterThan(0.2)
    expect(test / total).toBeLessThan(0.4)
  })

  it(`when the corpus is counted, then it holds at least the ${GOAL} narratives issue 20 asks for`, () => {
    expect(index.totalItems).toBeGreaterThanOrEqual(GOAL)
  })
})
