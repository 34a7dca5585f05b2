// The classifiers inside extractComplaint and the filing: they only propose; the form's merge still
// fills nothing a person typed, and the rules' price verdict still routes a price case.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { deriveIndustry } from '../../src/domain/extract/derive-industry'
import { extractComplaint } from '../../src/domain/extract/extract-complaint'
import { ExtractionSchema } from '../../src/domain/extract/extraction.schema'
import { DEFAULT_MIN_CONFIDENCE, proposeInto } from '../../src/domain/extract/merge-proposal'
import { parseExtractModel } from '../../src/domain/extract/model/parse'

const loaded = parseExtractModel(JSON.parse(readFileSync(resolve(__dirname, '../../src/domain/extract/model/weights.json'), 'utf8')))
if (!loaded.ok) throw new Error(loaded.error.issues.join('; '))
const model = loaded.model
const NOW = new Date('2026-03-18T14:30:00+08:00')
const TEXT = '上个月在健身房办了一张年卡，交了3680元，才去了几次健身房就关门跑路了，老板电话也打不通，要求退还剩余的会员费。'

describe('extraction with the learned classifiers', () => {
  const x = extractComplaint(TEXT, { now: NOW, model })

  it('when a prepaid gym card is lost to a closure, then the classifiers propose its line, type and refund, and the shape holds', () => {
    expect(ExtractionSchema.safeParse(x).success).toBe(true)
    expect(x.industry?.value).toBe('一般消费纠纷')
    expect(x.problemType?.value).toBe('预付式消费')
    expect(x.demands?.value).toEqual(['refund'])
  })

  it('when the person already chose a problem type and an industry, then the merge fills only the empty fields', () => {
    const form = { problemType: '合同', industry: '商超', demands: [] as string[], amountYuan: '' }
    const { form: next, filled } = proposeInto(form, x)
    expect(next.problemType).toBe('合同')
    expect(next.industry).toBe('商超')
    expect(filled).not.toContain('problemType')
    expect(filled).not.toContain('industry')
    for (const key of filled) expect(form[key as keyof typeof form]).toHaveLength(0)
  })

  it('when a proposal is under the floor, then the merge leaves its field empty', () => {
    const unsure = { ...x, industry: x.industry && { ...x.industry, confidence: DEFAULT_MIN_CONFIDENCE - 0.01 } }
    expect(proposeInto({ industry: '' }, unsure).form.industry).toBe('')
  })

  it('when the filing derives the line of a price case with the model loaded, then the rules’ 价格 still wins', () => {
    expect(deriveIndustry('结账的时候发现多收了我二十块钱，标价和收费不一样', '', '食品', model)).toBe('价格')
  })
})
