import fc from 'fast-check'
import { extractComplaint } from '../../../src/domain/extract/extract-complaint'
import { ExtractionSchema } from '../../../src/domain/extract/extraction.schema'

const NOW = new Date('2026-03-18T14:30:00+08:00')

describe('extracting a complaint', () => {
  it('when a spoken complaint names shop, day, sum, goods and demand, then each is proposed with the words it came from', () => {
    const x = extractComplaint(
      '俺是外地来出差的，今天上午在永辉超市买的进口车厘子，好多烂的，一百五十八块，要么退钱要么换一箱，俺明天就走了咋整',
      { now: NOW },
    )
    expect(x.shopName?.value).toBe('永辉超市')
    expect(x.shopCode).toBeNull()
    expect(x.purchaseTime?.value).toBe('2026-03-18')
    expect(x.purchaseTime?.evidence).toBe('今天')
    expect(x.amountYuan).toMatchObject({ value: '158', evidence: '一百五十八块' })
    expect(x.product?.value).toContain('车厘子')
    expect(x.demands?.value).toEqual(['refund', 'exchange'])
    expect(x.industry?.value).toBe('食品')
    expect(x.problemType?.value).toBe('食品安全')
    expect(x.urgency).toEqual({ level: '紧急', signals: { injury: false, group: false, visitor: true, happeningNow: false } })
  })

  it('when full-width digits are typed, then they are read and the evidence is the text as typed', () => {
    const x = extractComplaint('花了２９９９元买的手机', { now: NOW })
    expect(x.amountYuan).toMatchObject({ value: '2999', evidence: '２９９９元' })
  })

  it('when the text is empty, then nothing is proposed and urgency is 一般', () => {
    const x = extractComplaint('', { now: NOW })
    expect(x).toMatchObject({
      shopName: null,
      purchaseTime: null,
      amountYuan: null,
      product: null,
      demands: null,
      industry: null,
      problemType: null,
    })
    expect(x.urgency.level).toBe('一般')
  })

  it('when any text at all is given, then the extractor does not throw and its result fits the schema', () => {
    const chinese = fc.string({
      unit: fc.constantFrom(
        ...'今天昨前上周五月号日年点半多元块钱万千百十一二两三四五六七八九零¥0123456789.，。在买的店超市退款换修赔道歉受伤现在外地我们'.split(
          '',
        ),
      ),
      maxLength: 60,
    })
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 80 }), chinese),
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        (text, ms) => {
          const x = extractComplaint(text, { now: new Date(ms), shops: [{ code: 'A7K2M9', name: '小米之家(万达广场店)' }] })
          expect(ExtractionSchema.safeParse(x).success).toBe(true)
          if (x.purchaseTime) expect(new Date(`${x.purchaseTime.value.slice(0, 10)}T00:00:00+08:00`).getTime()).toBeLessThanOrEqual(ms)
        },
      ),
      { numRuns: 500 },
    )
  })
})
