import { consumerFunction } from '../../cloudfunctions/functions/consumer/handlers'
import { createCloudMain } from '../../cloudfunctions/runtime/cloud-main'
import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import { wxContext } from '../support/cloud-context'
import type { SubmitComplaintInput } from '../../src/domain/complaint.schema'
import { aSubmission } from '../support/builders'
import { SHOP_A, seedTwoShops } from '../support/seed-shops'
import { makeDeps, openTestStore } from '../support/test-deps'

// The consumer cloud function called exactly as CloudBase calls it — main(event, context) — on a
// real (PGlite) database. Only the platform's identity is simulated, in its real context format.
describe('consumer function — main(event, context)', () => {
  let store: Store & StoreInspection
  let main: ReturnType<typeof createCloudMain>
  const key = (n: number) => `draft-key-${String(n).padStart(8, '0')}`

  beforeAll(async () => {
    store = await openTestStore()
    await seedTwoShops(store)
    const deps = makeDeps(store, new Date('2026-03-10T02:00:00Z'))
    main = createCloudMain(consumerFunction, async () => deps)
  })
  afterAll(() => store.close())

  const submit = (openId: string, over: Partial<SubmitComplaintInput> = {}) =>
    main(aSubmission('wdxg26', { idempotencyKey: key(1), ...over }), wxContext(openId))

  it('when a scanned shop code is looked up, then the shop and its site come back', async () => {
    const result = await main({ action: 'getMerchantEntry', code: 'WDXG26' }, wxContext('o-alice'))
    expect(result).toEqual({
      ok: true,
      data: {
        merchant: { code: 'WDXG26', name: '味道小馆', industry: '食品', address: SHOP_A.address, booth: 'B1-12' },
        site: { name: '星河广场', hotline: '0571-88812315' },
      },
    })
  })

  it('when the code is unknown, then MERCHANT_NOT_FOUND says 未找到该商户', async () => {
    const result = await main({ action: 'getMerchantEntry', code: 'NOPE99' }, wxContext('o-alice'))
    expect(result).toEqual({ ok: false, error: { code: 'MERCHANT_NOT_FOUND', message: '未找到该商户' } })
  })

  it('when a shopper submits, then a case number comes back and 我的投诉 shows it with its submission event', async () => {
    const receipt = await submit('o-alice')
    expect(receipt).toEqual({
      ok: true,
      data: {
        caseId: expect.any(String),
        caseNo: 'KS-20260310-0001',
        queryCode: expect.stringMatching(/^[2-9A-HJKMNP-Z]{8}$/),
        status: 'received',
        createdAt: '2026-03-10T02:00:00.000Z',
        nextStep: '24小时内告知是否受理',
        merchantName: '味道小馆',
        siteName: '星河广场',
        hotline: '0571-88812315',
      },
    })
    const list = await main({ action: 'listMyCases' }, wxContext('o-alice'))
    expect(list.ok && (list.data as { items: unknown[] }).items).toEqual([
      expect.objectContaining({ caseNo: 'KS-20260310-0001', merchantName: '味道小馆', status: 'received' }),
    ])
    const caseId = receipt.ok ? (receipt.data as { caseId: string }).caseId : ''
    const detail = await main({ action: 'getMyCase', caseId }, wxContext('o-alice'))
    expect(detail.ok && (detail.data as { timeline: unknown[] }).timeline).toEqual([
      {
        seq: 1,
        type: 'submitted',
        actorRole: 'consumer',
        at: '2026-03-10T02:00:00.000Z',
        note: null,
        details: null,
        detailText: null,
        attachments: [],
      },
    ])
    const outbox = await store.listPendingOutbox(100)
    expect(outbox).toEqual([
      expect.objectContaining({ caseId, recipient: { role: 'merchant', id: SHOP_A.id }, template: 'merchant.submitted' }),
    ])
  })

  it('when the same draft is submitted again, then the first case comes back and no second is filed', async () => {
    const again = await submit('o-alice')
    expect(again.ok && (again.data as { caseNo: string }).caseNo).toBe('KS-20260310-0001')
    const list = await main({ action: 'listMyCases' }, wxContext('o-alice'))
    expect(list.ok && (list.data as { items: unknown[] }).items).toHaveLength(1)
  })

  it('when 20 identical submissions race, then they all get one and the same case', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => submit('o-carol', { idempotencyKey: key(20) })))
    const numbers = new Set(results.map((r) => (r.ok ? (r.data as { caseNo: string }).caseNo : r.error.code)))
    expect(numbers.size).toBe(1)
    const list = await main({ action: 'listMyCases' }, wxContext('o-carol'))
    expect(list.ok && (list.data as { items: unknown[] }).items).toHaveLength(1)
  })

  it("when someone else asks for a shopper's case, then it is not found and not in their list", async () => {
    const mine = await main({ action: 'listMyCases' }, wxContext('o-alice'))
    const caseId = mine.ok ? (mine.data as { items: { id: string }[] }).items[0].id : ''
    expect(await main({ action: 'getMyCase', caseId }, wxContext('o-mallory'))).toEqual({
      ok: false,
      error: { code: 'CASE_NOT_FOUND', message: '未找到该投诉' },
    })
    const theirs = await main({ action: 'listMyCases' }, wxContext('o-mallory'))
    expect(theirs).toEqual({ ok: true, data: { items: [] } })
  })

  it('when the event claims another identity in userInfo, then the platform identity wins', async () => {
    const result = await main({ action: 'listMyCases', userInfo: { openId: 'o-alice' } }, wxContext('o-mallory'))
    expect(result).toEqual({ ok: true, data: { items: [] } })
  })

  it('when the description is empty, then a Chinese field error comes back and nothing is filed', async () => {
    const result = await submit('o-dave', { description: '   ', idempotencyKey: key(3) })
    expect(result).toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.any(String), fields: { description: '请填写投诉内容' } },
    })
    expect(await main({ action: 'listMyCases' }, wxContext('o-dave'))).toEqual({ ok: true, data: { items: [] } })
  })

  it.each([
    ['a string event', 'submitComplaint'],
    ['an array event', ['x']],
    ['an event without action', { code: 'WDXG26' }],
    ['null', null],
  ])('when %s arrives, then BAD_REQUEST', async (_label, event) => {
    const result = await main(typeof event === 'string' ? event : event, wxContext('o-alice'))
    expect(result).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: '请求格式不正确' } })
  })

  it('when the action does not exist, then UNKNOWN_ACTION (also for inherited names like toString)', async () => {
    for (const action of ['deleteEverything', 'toString', '__proto__']) {
      const result = await main({ action }, wxContext('o-alice'))
      expect(result.ok === false && result.error.code).toBe('UNKNOWN_ACTION')
    }
  })

  it('when the platform gives no identity, then the caller is told to sign in', async () => {
    const result = await main({ action: 'listMyCases' }, {})
    expect(result).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } })
  })
})
