import {
  answerConsultation,
  complaintSeedOf,
  convertConsultation,
  CONVERT_NOTE,
  linkConvertedCase,
} from '../../src/domain/consult/consult-life'
import { ConsultationSchema, formatConsultNo, normalizeConsultNo, type Consultation } from '../../src/domain/consult/consultation.schema'
import { REPLY_LIBRARY, replyTextOf, searchReplies, TOP_REPLIES } from '../../src/domain/consult/reply-library'

const AT = '2026-03-10T02:00:00.000Z'
const LATER = '2026-03-10T03:00:00.000Z'
const STAFF = { staffId: 'st-a', displayName: '星河站' }
const received = (): Consultation =>
  ConsultationSchema.parse({
    id: 'c1',
    consultNo: 'ZX-20260310-0001',
    status: 'received',
    siteId: 'site-a',
    merchantId: 'shop-a',
    merchantName: '星河小馆',
    question: '网上买的衣服能退吗',
    contact: null,
    evidenceIds: ['ev-1'],
    filedBy: 'subject-1',
    idempotencyKey: 'k'.repeat(16),
    queryCode: 'ABCDEFGH',
    reply: null,
    closedAt: null,
    caseId: null,
    caseNo: null,
    createdAt: AT,
    updatedAt: AT,
    version: 0,
  })

describe('the reply library', () => {
  it('when it is loaded, then it holds about a dozen entries with unique ids, each with a legal basis', () => {
    expect(REPLY_LIBRARY.length).toBeGreaterThanOrEqual(12)
    expect(new Set(REPLY_LIBRARY.map((e) => e.id)).size).toBe(REPLY_LIBRARY.length)
    for (const entry of REPLY_LIBRARY) expect(entry.basis.length).toBeGreaterThan(0)
    const laws = new Set(REPLY_LIBRARY.flatMap((e) => e.basis.map((b) => b.law)))
    for (const law of [
      '消费者权益保护法',
      '产品质量法',
      '食品安全法',
      '单用途商业预付卡管理办法（试行）',
      '网络购买商品七日无理由退货暂行办法',
    ]) {
      expect(laws).toContain(law)
    }
  })

  it('when nothing is typed, then the most asked answers come first', () => {
    expect(searchReplies('')).toEqual(REPLY_LIBRARY.slice(0, TOP_REPLIES))
    expect(searchReplies('   ', 3)).toHaveLength(3)
  })

  it('when the person types, then the answers narrow to what matches, best first', () => {
    expect(searchReplies('网购的衣服能七天无理由退吗')[0].id).toBe('online-seven-day')
    expect(searchReplies('饭店的菜吃出异物')[0].id).toBe('food-ten-fold')
    expect(searchReplies('健身房关门跑路了，会员卡的钱')[0].id).toBe('prepaid-refund')
    expect(searchReplies('ZZZZ')).toEqual([])
  })

  it('when staff pick an entry, then the text they start from cites the law and the article', () => {
    const entry = REPLY_LIBRARY.find((e) => e.id === 'fraud-three-fold')!
    expect(replyTextOf(entry)).toMatch(/依据：《消费者权益保护法》第五十五条$/)
    const unnumbered = REPLY_LIBRARY.find((e) => e.id === 'prepaid-card-expiry')!
    expect(replyTextOf(unnumbered)).toContain('《单用途商业预付卡管理办法（试行）》相关规定')
  })
})

describe('the life of a consultation', () => {
  it('when staff answer it, then it is closed as answered with the (edited) text and who sent it', () => {
    const r = answerConsultation(received(), '  您好，可以退。 ', 'online-seven-day', STAFF, LATER)
    expect(r).toEqual({
      ok: true,
      data: expect.objectContaining({
        status: 'answered',
        closedAt: LATER,
        version: 1,
        reply: { text: '您好，可以退。', entryId: 'online-seven-day', by: STAFF, at: LATER },
      }),
    })
  })

  it('when an answer is empty or it is already closed, then nothing changes', () => {
    expect(answerConsultation(received(), '   ', null, STAFF, LATER)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    const answered = answerConsultation(received(), '答复', null, STAFF, LATER)
    if (!answered.ok) throw new Error('expected an answer')
    expect(answerConsultation(answered.data, '再答一次', null, STAFF, LATER)).toMatchObject({
      ok: false,
      error: { code: 'CONSULTATION_CLOSED' },
    })
    expect(convertConsultation(answered.data, '', STAFF, LATER)).toMatchObject({ ok: false, error: { code: 'CONSULTATION_CLOSED' } })
  })

  it('when it is converted, then it closes with the note and links only the asker’s complaint filed afterwards', () => {
    const converted = convertConsultation(received(), '', STAFF, LATER)
    if (!converted.ok) throw new Error('expected a conversion')
    expect(converted.data).toMatchObject({ status: 'converted', reply: { text: CONVERT_NOTE } })
    const own = { id: 'case-1', caseNo: 'KS-20260310-0002', filedBy: 'subject-1', createdAt: '2026-03-10T03:05:00.000Z' }
    expect(linkConvertedCase(converted.data, { ...own, filedBy: 'someone-else' }, LATER)).toMatchObject({ ok: false })
    expect(linkConvertedCase(converted.data, { ...own, createdAt: AT }, LATER)).toMatchObject({ ok: false })
    const linked = linkConvertedCase(converted.data, own, LATER)
    expect(linked).toMatchObject({ ok: true, data: { caseId: 'case-1', caseNo: 'KS-20260310-0002' } })
    if (!linked.ok) throw new Error('expected a link')
    expect(linkConvertedCase(linked.data, own, LATER)).toEqual({ ok: true, data: linked.data })
    expect(linkConvertedCase(linked.data, { ...own, id: 'case-2' }, LATER)).toMatchObject({
      ok: false,
      error: { code: 'CONSULTATION_ALREADY_LINKED' },
    })
    expect(linkConvertedCase(received(), own, LATER)).toMatchObject({ ok: false, error: { code: 'CONSULTATION_NOT_CONVERTED' } })
  })

  it('when a complaint form is seeded from it, then it carries the question, the files and the shop, nothing invented', () => {
    expect(complaintSeedOf(received())).toEqual({
      consultationId: 'c1',
      description: '网上买的衣服能退吗',
      evidenceIds: ['ev-1'],
      merchantId: 'shop-a',
    })
  })
})

describe('consultation numbers', () => {
  it('when one is formatted or typed loosely, then it reads ZX-day-sequence', () => {
    expect(formatConsultNo(AT, 7)).toBe('ZX-20260310-0007')
    expect(normalizeConsultNo('zx 20260310 0007')).toBe('ZX-20260310-0007')
    expect(normalizeConsultNo('KS-20260310-0007')).toBeNull()
  })

  it('when the number comes from a Chinese keyboard (full-width letters and digits, a long dash), then it is still read', () => {
    expect(normalizeConsultNo('ｚｘ２０２６０３１０－０００７')).toBe('ZX-20260310-0007')
    expect(normalizeConsultNo('ZX—20260310—0007')).toBe('ZX-20260310-0007')
  })
})
