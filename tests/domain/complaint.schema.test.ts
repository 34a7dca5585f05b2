import fc from 'fast-check'
import { SubmitComplaintSchema } from '../../src/domain/complaint.schema'
import { parseWith } from '../../src/domain/validation'
import { aSubmission } from '../support/builders'

const valid = aSubmission('wdxg26', { description: '菜里吃出头发，要求退款并道歉', idempotencyKey: 'a'.repeat(32) })

describe('SubmitComplaintSchema', () => {
  it('when the input is complete, then it parses with the code upper-cased, the text trimmed, the phone and amount normalised', () => {
    const result = parseWith(SubmitComplaintSchema, {
      ...valid,
      description: `  ${valid.description}  `,
      phone: '＋86 １３８-1234 5678',
      amountYuan: '¥68.5',
    })
    expect(result).toMatchObject({
      ok: true,
      data: {
        merchantCode: 'WDXG26',
        description: valid.description,
        phone: '13812345678',
        amountFen: 6850,
        demands: ['refund', 'apology'],
      },
    })
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
      expect(Object.keys(result.error.fields ?? {}).sort()).toEqual(
        ['consentVersion', 'description', 'idempotencyKey', 'merchantCode', 'problemType'].sort(),
      )
      for (const message of Object.values(result.error.fields ?? {})) expect(message).toMatch(/[\u4e00-\u9fa5]/)
    }
  })

  it.each([
    [{ name: '' }, 'name', '请填写姓名'],
    [{ phone: '' }, 'phone', '请填写手机号码'],
    [{ phone: '1234567' }, 'phone', '请填写正确的11位手机号码'],
    [{ address: '' }, 'address', '请填写联系地址'],
    [{ demands: [] }, 'demands', '请至少选择一项诉求'],
    [{ amountYuan: '12.345' }, 'amountYuan', '金额请填数字，最多两位小数'],
    [{ anonymous: true }, 'anonymous', '投诉需要实名，匿名只适用于举报'],
  ])('when a 投诉 has %j, then %s says %s', (over, field, message) => {
    const result = parseWith(SubmitComplaintSchema, { ...valid, ...over })
    expect(result.ok === false && result.error.fields?.[field]).toBe(message)
  })

  it('when a 举报 is anonymous, then no identity is needed and any typed identity is dropped', () => {
    const result = parseWith(SubmitComplaintSchema, {
      ...valid,
      kind: 'report',
      anonymous: true,
      name: '张三',
      phone: '',
      address: '',
      demands: [],
      sharePhoneWithMerchant: true,
    })
    expect(result).toMatchObject({ ok: true, data: { name: '', phone: '', address: '', sharePhoneWithMerchant: false } })
  })

  it('when a 举报 is not anonymous, then name and phone are needed but not an address or demands', () => {
    const result = parseWith(SubmitComplaintSchema, { ...valid, kind: 'report', name: '', address: '', demands: [] })
    expect(result.ok === false && result.error.fields).toEqual({ name: '请填写姓名' })
  })

  it('when any value at all is submitted, then it either parses or yields Chinese field errors — never throws', () => {
    const field = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.object(), fc.array(fc.string()))
    const input = fc.oneof(
      fc.anything(),
      fc.record(
        {
          kind: field,
          merchantCode: field,
          description: field,
          idempotencyKey: field,
          name: field,
          phone: field,
          demands: field,
          amountYuan: field,
          consentVersion: field,
          anonymous: field,
        },
        { requiredKeys: [] },
      ),
      fc.record({ phone: fc.string(), amountYuan: fc.string(), name: fc.string() }).map((over) => ({ ...valid, ...over })),
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
