import { MerchantInputSchema, type MerchantInputDraft } from '../../../src/domain/merchant/merchant-input.schema'
import { parseWith } from '../../../src/domain/validation'

const minimal: MerchantInputDraft = { name: '老王面馆', uscc: '92330106MA2KD00015', industry: '食品' }

function fieldError(input: unknown, field: string): string | undefined {
  const result = parseWith(MerchantInputSchema, input)
  return result.ok ? undefined : result.error.fields?.[field]
}

describe('MerchantInputSchema', () => {
  it('when only the required fields are given, then the double-commitment clocks default to 45 and 90 minutes, unsigned', () => {
    expect(parseWith(MerchantInputSchema, minimal)).toEqual({
      ok: true,
      data: {
        name: '老王面馆',
        uscc: '92330106MA2KD00015',
        address: '',
        booth: '',
        industry: '食品',
        doubleCommitmentSigned: false,
        responseMinutes: 45,
        onSiteMinutes: 90,
        contactName: '',
        contactPhone: '',
      },
    })
  })

  it('when staff type with full-width characters and spaces, then the name is trimmed and the code and phone normalised', () => {
    const result = parseWith(MerchantInputSchema, {
      ...minimal,
      name: '  老王面馆 ',
      uscc: ' ９２３３０１０６ｍａ２ｋｄ０００１５ ',
      contactPhone: '＋86 １３８-1234 5678',
      doubleCommitmentSigned: true,
      responseMinutes: 30,
      onSiteMinutes: 60,
    })
    expect(result).toMatchObject({
      ok: true,
      data: {
        name: '老王面馆',
        uscc: '92330106MA2KD00015',
        contactPhone: '13812345678',
        doubleCommitmentSigned: true,
        responseMinutes: 30,
        onSiteMinutes: 60,
      },
    })
  })

  it.each([
    ['name', '', '请填写店铺名称'],
    ['name', '   ', '请填写店铺名称'],
    ['name', '店'.repeat(61), '店铺名称不能超过60字'],
    ['uscc', '92330106MA2KD00016', '统一社会信用代码校验位不正确'],
    ['address', '址'.repeat(201), '地址不能超过200字'],
    ['booth', 'B'.repeat(21), '铺位号不能超过20字'],
    ['industry', '美容美发', '请选择行业'],
    ['doubleCommitmentSigned', '是', '请选择是否已签署双承诺'],
    ['responseMinutes', 0, '响应时限至少1分钟'],
    ['responseMinutes', 1441, '响应时限不能超过1440分钟'],
    ['onSiteMinutes', 1.5, '到场时限请填写整数分钟'],
    ['onSiteMinutes', '90', '到场时限请填写分钟数'],
    ['contactName', '名'.repeat(51), '联系人不能超过50字'],
    ['contactPhone', '0571-88812315', '联系电话应为11位手机号码'],
    ['contactPhone', '1381234567', '联系电话应为11位手机号码'],
  ])('when %s is %j, then the field error says %s', (field, value, message) => {
    expect(fieldError({ ...minimal, [field]: value }, field)).toBe(message)
  })

  it('when the clocks are at their limits 1 and 1440, then they are accepted', () => {
    expect(parseWith(MerchantInputSchema, { ...minimal, responseMinutes: 1, onSiteMinutes: 1440 }).ok).toBe(true)
  })

  it('when required fields are missing altogether, then each gets its own Chinese message', () => {
    const result = parseWith(MerchantInputSchema, {})
    expect(result).toMatchObject({
      ok: false,
      error: { fields: { name: '请填写店铺名称', uscc: '请填写统一社会信用代码', industry: '请选择行业' } },
    })
  })
})
