import fc from 'fast-check'
import { merchantClockSettings } from '../../../src/domain/clocks/merchant-clock-settings'
import { ruleFor } from '../../../src/domain/clocks/clock-rules'
import { MERCHANT_CODE_ALPHABET } from '../../../src/domain/merchant.schema'
import { commitmentOf, commitmentText } from '../../../src/domain/merchant/commitment'
import { InviteCodeSchema } from '../../../src/domain/merchant/invite'
import { applyImportedRow, csvHeaderFields } from '../../../src/domain/merchant/merchant-from-input'
import { MerchantInputSchema } from '../../../src/domain/merchant/merchant-input.schema'
import { merchantCodeFrom } from '../../../src/domain/merchant/merchant-code'
import { formatRate, merchantRecordOf } from '../../../src/domain/merchant/merchant-record'
import { maskSubject } from '../../../src/domain/merchant/membership-view'
import { shortCodeFrom } from '../../../src/domain/merchant/short-code'
import { aMerchant, aSite } from '../../support/builders'

// The pure pieces the registry functions are built from (src/domain/merchant, clocks). They sit with
// the function tests because this work may only add tests here; they need nothing but the domain.
const signed = { doubleCommitmentSigned: true, responseMinutes: 20, onSiteMinutes: 40 }

describe('the shop’s own clock numbers', () => {
  it('when a shop signed, then its minutes replace the site’s for the two merchant clocks and nothing else', () => {
    const site = { amounts: { merchant_response: 60, first_answer: 12 }, completion: { goods: 3 } }
    const settings = merchantClockSettings(site, signed)
    expect(ruleFor('merchant_response', settings).amount).toBe(20)
    expect(ruleFor('on_site', settings).amount).toBe(40)
    expect(ruleFor('first_answer', settings).amount).toBe(12)
    expect(ruleFor('completion', settings, 'goods').amount).toBe(3)
  })

  it('when a shop did not sign, or is unknown, then the site’s numbers stand', () => {
    const site = { amounts: { merchant_response: 60 } }
    expect(merchantClockSettings(site, { ...signed, doubleCommitmentSigned: false })).toBe(site)
    expect(ruleFor('merchant_response', merchantClockSettings(undefined, null)).amount).toBe(45)
  })
})

describe('the commitment in words', () => {
  it('when minutes are whole hours, then they read as hours; otherwise as minutes', () => {
    expect(commitmentText({ responseMinutes: 45, onSiteMinutes: 90 })).toBe('45分钟内响应 · 90分钟内到场')
    expect(commitmentText({ responseMinutes: 60, onSiteMinutes: 120 })).toBe('1小时内响应 · 2小时内到场')
    expect(commitmentOf({ ...signed, doubleCommitmentSigned: false })).toBeNull()
  })
})

describe('short codes from random bytes', () => {
  it('when codes are drawn from any bytes, then they use only the alphabet, at the asked length, or say the bytes ran out', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 40 }), fc.integer({ min: 1, max: 12 }), (bytes, length) => {
        const code = shortCodeFrom(bytes, MERCHANT_CODE_ALPHABET, length)
        if (code === null) return bytes.filter((b) => b < 248).length < length
        return code.length === length && [...code].every((ch) => MERCHANT_CODE_ALPHABET.includes(ch))
      }),
    )
  })

  it('when a byte would bias the draw (248–255), then it is skipped', () => {
    expect(shortCodeFrom(Uint8Array.from([255, 248, 0, 30, 31]), MERCHANT_CODE_ALPHABET, 3)).toBe('2Z2') // 0 → '2', 30 → 'Z', 31 → '2' again
    expect(merchantCodeFrom(new Uint8Array(24))).toBe('222222')
  })
})

describe('a shop’s record', () => {
  it('when nothing has been decided yet, then rates are null, not zero; pending clocks count in neither part', () => {
    const none = merchantRecordOf({ total: 0, open: 0, closed: 0, settled: 0, responseStarted: 0, responseOnTime: 0, responseLate: 0 })
    expect([none.selfSettlementRate, none.onTimeResponseRate]).toEqual([null, null])
    const some = merchantRecordOf({ total: 9, open: 4, closed: 4, settled: 3, responseStarted: 8, responseOnTime: 6, responseLate: 1 })
    expect(some).toMatchObject({ selfSettlementRate: 0.75, onTimeResponseRate: 6 / 7, responses: { pending: 1 } })
    expect([formatRate(0.875), formatRate(null)]).toEqual(['87.5%', '—'])
  })
})

describe('bindings and invites as people see them', () => {
  it('when a subject is shown to staff, then only its ends are', () => {
    expect(maskSubject('oAbCdEfGhIjKlMnOpQ')).toBe('oAbC****nOpQ')
    expect(maskSubject('short')).toBe('****')
  })

  it('when an invite code is typed loosely, then it is read in its normal form', () => {
    expect(InviteCodeSchema.parse(' abcd-efgh ｊｋ２３ ')).toBe('ABCDEFGHJK23')
  })
})

describe('an import row over a registered shop', () => {
  const before = { ...aMerchant(aSite()), responseMinutes: 20, contactName: '张三', contactPhone: '13800001111' }
  const row = MerchantInputSchema.parse({ name: '新名字', uscc: before.uscc, industry: '食品' })

  it('when the sheet has a column, then its value wins; columns it lacks, and the minutes, keep the stored value', () => {
    const present = csvHeaderFields('店铺名称,统一社会信用代码,行业\n')
    expect([...present].sort()).toEqual(['industry', 'name', 'uscc'])
    expect(applyImportedRow(before, row, present)).toEqual({ ...before, name: '新名字', industry: '食品' })
    const full = csvHeaderFields('\uFEFF店铺名称,统一社会信用代码,地址,铺位号,行业,已签署双承诺,联系人,联系电话\n')
    expect(applyImportedRow(before, row, full)).toEqual({
      ...before,
      name: '新名字',
      industry: '食品',
      address: '',
      booth: '',
      doubleCommitmentSigned: false,
      contactName: '',
      contactPhone: '',
    })
  })
})
