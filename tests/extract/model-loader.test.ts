// The shipped weight file: small enough for the mini-program, and refused with a reason when malformed.
import { readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseExtractModel } from '../../src/domain/extract/model/parse'
import { loadExtractModel } from '../../src/domain/extract/model/load'

const WEIGHTS = resolve(__dirname, '../../src/domain/extract/model/weights.json')
const shipped = () => JSON.parse(readFileSync(WEIGHTS, 'utf8'))

describe('the extraction model weight file', () => {
  it('when it is measured, then it is under 1 MB (the mini-program loads it)', () => {
    expect(statSync(WEIGHTS).size).toBeLessThan(1024 * 1024)
  })

  it('when the shipped file is parsed, then it loads', () => {
    expect(parseExtractModel(shipped()).ok).toBe(true)
  })

  it('when loaded lazily, then the module resolves to a usable model', async () => {
    const loaded = await loadExtractModel()
    expect(loaded.ok).toBe(true)
  })

  it.each([
    ['not an object', () => 'weights'],
    ['another format', () => ({ ...shipped(), format: 'other/9' })],
    ['features of another normalisation', () => ({ ...shipped(), features: 'char1-2/v0' })],
    [
      'a head that lost weights',
      () => ({ ...shipped(), industry: { ...shipped().industry, weights: shipped().industry.weights.slice(1) } }),
    ],
    ['an index outside the vocabulary', () => ({ ...shipped(), vocabulary: shipped().vocabulary.slice(0, 10) })],
    ['an unknown class', () => ({ ...shipped(), problemType: { ...shipped().problemType, classes: ['质量', '火星'] } })],
  ])('when the file has %s, then it is refused with a clear reason', (_, make) => {
    const result = parseExtractModel(make())
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('EXTRACT_MODEL_INVALID')
    expect(result.error.message).toMatch(/模型/)
    expect(result.error.issues.length).toBeGreaterThan(0)
  })
})
