import fc from 'fast-check'
import { SubmitComplaintSchema } from '../../src/domain/complaint.schema'
import { parseWith } from '../../src/domain/validation'

const valid = { merchantCode: 'wdxg26', description: '菜里吃出头发，要求退款并道歉', idempotencyKey: 'a'.repeat(32) }

describe('SubmitComplaintSchema', () => {
  it('when the input is complete, then it parses with the code upper-cased and the text trimmed', () => {
    const result = parseWith(SubmitComplaintSchema, { ...valid, description: `  ${valid.description}  ` })
    expect(result).toEqual({ ok: true, data: { ...valid, merchantCode: 'WDXG26' } })
  })

  it.each([
    ['', '请填写投诉内容'],
    ['   ', '请填写投诉内容'],
    ['太差了', '请至少写10个字，说清楚发生了什么'],
    ['字'.repeat(2001), '投诉内容不能超过2000字'],
  ])('when the description is %j, then the field error says %s', (description, message) => {
    const result = parseWith(SubmitComplaintSchema, { ...valid, description })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION_FAILED')
      expect(result.error.fields?.description).toBe(message)
    }
  })

  it('when fields are missing, then each gets a Chinese message and nothing English leaks', () => {
    const result = parseWith(SubmitComplaintSchema, {})
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(Object.keys(result.error.fields ?? {}).sort()).toEqual(['description', 'idempotencyKey', 'merchantCode'])
      for (const message of Object.values(result.error.fields ?? {})) expect(message).toMatch(/[\u4e00-\u9fa5]/)
    }
  })

  it('when any value at all is submitted, then it either parses or yields Chinese field errors — never throws', () => {
    const field = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.object(), fc.array(fc.string()))
    const input = fc.oneof(
      fc.anything(),
      fc.record({ merchantCode: field, description: field, idempotencyKey: field }, { requiredKeys: [] }),
    )
    fc.assert(
      fc.property(input, (value) => {
        const result = parseWith(SubmitComplaintSchema, value)
        if (result.ok) return
        expect(result.error.code).toBe('VALIDATION_FAILED')
        expect(Object.keys(result.error.fields ?? {}).length).toBeGreaterThan(0)
        for (const message of Object.values(result.error.fields ?? {})) expect(message).toMatch(/[\u4e00-\u9fa5]/)
      }),
      { numRuns: 500 },
    )
  })
})
