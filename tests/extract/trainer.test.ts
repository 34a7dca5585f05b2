// The trainer (scripts/train-extract.ts): same data, same weights; and it never opens a test source.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseExtractModel } from '../../src/domain/extract/model/parse'
import { REAL_DIR } from '../../scripts/extract-model/corpus'
import { DEFAULT_OPTIONS, type TrainOptions, trainExtractModel } from '../../scripts/extract-model/train'
import { trainingDocs } from '../../scripts/extract-model/training-docs'

const index = JSON.parse(readFileSync(join(REAL_DIR, 'index.json'), 'utf8')) as { sources: { file: string; split: string }[] }
const filesOf = (split: string) => index.sources.filter((s) => s.split === split).map((s) => join(REAL_DIR, s.file))

// small enough to train in seconds, big enough that every head has both answers
const SMALL: TrainOptions = {
  ...DEFAULT_OPTIONS,
  folds: 2,
  classHead: { ...DEFAULT_OPTIONS.classHead, keep: 150, iterations: 15 },
  demandHead: { ...DEFAULT_OPTIONS.demandHead, keep: 60, iterations: 15 },
}

describe('training the extraction classifiers', () => {
  it('when the trainer reads its documents, then it opens the index and every train source, and no test source', () => {
    const opened: string[] = []
    const docs = trainingDocs(REAL_DIR, (path) => {
      opened.push(path)
      return readFileSync(path, 'utf8')
    })
    const test = new Set(filesOf('test'))
    expect(test.size).toBeGreaterThan(0)
    expect(opened.filter((p) => test.has(p))).toEqual([])
    expect(opened.sort()).toEqual([join(REAL_DIR, 'index.json'), ...filesOf('train')].sort())
    const testSources = new Set(index.sources.filter((s) => s.split === 'test').map((s) => s.file.replace(/\.jsonl$/, '')))
    expect(docs.filter((d) => testSources.has(d.group))).toEqual([])
  })

  it('when the same slice is trained twice, then the weight files are identical and load', () => {
    const slice = trainingDocs().slice(0, 60)
    const first = JSON.stringify(trainExtractModel(slice, SMALL).file)
    const second = JSON.stringify(trainExtractModel(slice, SMALL).file)
    expect(second).toBe(first)
    expect(parseExtractModel(JSON.parse(first)).ok).toBe(true)
  })
})
