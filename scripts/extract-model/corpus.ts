// The labelled texts the trainer and the evaluation read. The real-world corpus is split by source
// (tests/fixtures/extract-real/index.json); readRealCorpus opens only the files of the split asked for,
// so the trainer, which asks for 'train', never reads a test source (tests/extract/train-reads-train-only).
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { DEMANDS, PROBLEM_TYPES } from '../../src/domain/classification'
import { INDUSTRY_LINES } from '../../src/domain/industry'

export const REAL_DIR = resolve(__dirname, '../../tests/fixtures/extract-real')

const Index = z.object({
  sources: z.array(z.object({ file: z.string(), split: z.enum(['train', 'test']) })),
})

const Labels = z.object({
  industry: z.enum(INDUSTRY_LINES),
  problemType: z.enum(PROBLEM_TYPES),
  demands: z.array(z.enum(DEMANDS)),
  amountYuan: z.number().nullable(),
  purchaseDate: z.string().nullable(),
  urgent: z.boolean(),
  merchant: z.string().nullable(),
})

const Item = z.object({ id: z.string(), source: z.string(), date: z.string().nullable(), text: z.string(), labels: Labels })
export type RealItem = z.infer<typeof Item>
export type Split = 'train' | 'test'

export type ReadText = (path: string) => string
const readUtf8: ReadText = (path) => readFileSync(path, 'utf8')

/** Every item of one split, sources in file-name order and items in file order. */
export function readRealCorpus(split: Split, dir = REAL_DIR, read: ReadText = readUtf8): RealItem[] {
  const index = Index.parse(JSON.parse(read(join(dir, 'index.json'))))
  const files = index.sources
    .filter((s) => s.split === split)
    .map((s) => s.file)
    .sort()
  return files.flatMap((file) =>
    read(join(dir, file))
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => Item.parse(JSON.parse(line))),
  )
}
