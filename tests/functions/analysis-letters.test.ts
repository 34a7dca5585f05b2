import { analysisLetter, analysisLetterDocument, LETTER_INBOX_TITLE } from '../../cloudfunctions/services/letters/analysis-letters'
import { resolveCaller, type PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { refreshStats } from '../../cloudfunctions/services/stats-upkeep'
import { ADVICE_LIBRARY } from '../../src/domain/letters/advice-library'
import { documentText } from '../../src/domain/reports/report-document'
import { aMerchant, aSubmission, unique } from '../support/builders'
import { callAs } from '../support/call-as'
import { SHOP_A, SHOP_B, SITE_A } from '../support/seed-shops'
import { openWorkflowWorld } from '../support/workflow-world'

// 消费投诉分析建议书 through the real services on the test store: cases filed through the consumer function, the
// statistics refreshed as the host does after a tick, then the letter read from the cubes. A report (举报)
// against the shop is never counted; authorization is checked object by object (another site's shop is
// not found, a clerk reads only its own shop's summary); a delivery is stored and tells the shop's inbox.
describe('analysis letters through the services (PGlite; CloudBase under test:cloudbase)', () => {
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  const Q1 = { merchantId: SHOP_A.id, quarter: '2026-Q1' }
  const SHOP_C = aMerchant(SITE_A, { id: 'shop-c', industry: '食品', name: '街角面馆' })
  const ctxOf = async (who: PlatformIdentity) => ({ caller: await resolveCaller(world.deps, who), deps: world.deps })

  beforeAll(async () => {
    world = await openWorkflowWorld()
    const { store, deps, file } = world
    await store.saveMerchant(SHOP_C)
    // shop A: 价格 twice, 质量 once; and a report (举报) of 食品安全 that must never be counted
    await file('shopper-1', { problemType: '价格' })
    await file('shopper-2', { problemType: '价格' })
    await file('shopper-3', { problemType: '质量' })
    await file('insider', {
      kind: 'report',
      anonymous: false,
      demands: [],
      problemType: '食品安全',
      description: '后厨把过期的肉重新贴标签卖',
    })
    // shop C, same site and line: one complaint — the line has 4 complaints over 2 shops
    const c = await callAs(deps, 'consumer', aSubmission(SHOP_C.code, { idempotencyKey: unique('c').padEnd(16, '0') }), {
      subject: 'shopper-4',
    })
    if (!c.ok) throw new Error(c.error.code)
    deps.clock.advance(60 * 60_000)
    await refreshStats(deps, deps.clock.now())
  })
  afterAll(() => world.store.close())

  it("when the station reads its shop's letter, then only complaints count: top problems with advice and the line beside it", async () => {
    const letter = await analysisLetter(await ctxOf(world.who['st-a']), Q1)
    if (!letter.ok) throw new Error(letter.error.code)
    expect(letter.data.volume).toBe(3) // the report is not one of them
    expect(letter.data.byProblem.map((p) => [p.problemType, p.volume])).toEqual([
      ['价格', 2],
      ['质量', 1],
    ])
    expect(letter.data.top[0].advice).toBe(ADVICE_LIBRARY['价格'])
    expect(letter.data.comparison[0]).toEqual({ label: '投诉件数', merchant: '3 件', industry: '平均每户 2 件', verdict: '多于行业平均' })
    const doc = await analysisLetterDocument(await ctxOf(world.who['st-a']), Q1)
    if (!doc.ok) throw new Error(doc.error.code)
    expect(documentText(doc.data).join('\n')).not.toMatch(/食品安全|举报查实/)
  })

  it("when another site's station, a clerk or nobody asks for the letter, then it is refused and the shop not revealed", async () => {
    expect(await analysisLetter(await ctxOf(world.who['st-b']), Q1)).toMatchObject({ ok: false, error: { code: 'MERCHANT_NOT_FOUND' } })
    expect(await analysisLetter(await ctxOf(world.who.clerkA), Q1)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await analysisLetter(await ctxOf({}), Q1)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await analysisLetter(await ctxOf(world.who['st-a']), { ...Q1, quarter: '2026-Q5' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
  })

  it('when the station records a delivery, then it is stored with who, when and how, and the shop is told in its inbox', async () => {
    const { deps, who } = world
    const recorded = await callAs(deps, 'station', { action: 'recordLetterDelivery', ...Q1, method: '打印面交' }, who['st-a'])
    expect(recorded).toMatchObject({ ok: true, data: { merchantId: SHOP_A.id, method: '打印面交', deliveredBy: 'st-a' } })
    const listed = await callAs(deps, 'station', { action: 'listLetterDeliveries', merchantId: SHOP_A.id }, who['st-a'])
    expect(listed).toMatchObject({
      ok: true,
      data: [{ quarter: '2026-Q1', method: '打印面交', deliveredAt: deps.clock.now().toISOString() }],
    })
    const inbox = await callAs(deps, 'inbox', { action: 'list', as: 'merchant' }, who.clerkA)
    if (!inbox.ok) throw new Error(inbox.error.code)
    expect(inbox.data.items.filter((i: { title: string }) => i.title === LETTER_INBOX_TITLE)).toHaveLength(1)
    const other = await callAs(deps, 'inbox', { action: 'list', as: 'merchant' }, who.clerkB)
    expect(JSON.stringify(other)).not.toContain(LETTER_INBOX_TITLE)
  })

  it("when another site's station or a clerk records a delivery, then it is refused and nothing is stored", async () => {
    const { deps, who, store } = world
    const before = (await store.listLetterDeliveries(SHOP_A.id)).length
    expect(await callAs(deps, 'station', { action: 'recordLetterDelivery', ...Q1, method: '微信' }, who['st-b'])).toMatchObject({
      ok: false,
      error: { code: 'MERCHANT_NOT_FOUND' },
    })
    expect(await callAs(deps, 'station', { action: 'listLetterDeliveries', merchantId: SHOP_A.id }, who['st-b'])).toMatchObject({
      ok: false,
      error: { code: 'MERCHANT_NOT_FOUND' },
    })
    expect(await callAs(deps, 'station', { action: 'recordLetterDelivery', ...Q1, method: '微信' }, who.clerkA)).toMatchObject({
      ok: false,
    })
    expect(await callAs(deps, 'station', { action: 'recordLetterDelivery', ...Q1, method: '传真' }, who['st-a'])).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
    expect(await store.listLetterDeliveries(SHOP_A.id)).toHaveLength(before)
  })

  it("when a clerk reads the home-page summary, then it is its own shop's quarter only; another shop's is not found", async () => {
    const { deps, who } = world
    const own = await callAs(deps, 'merchant', { action: 'letterSummary' }, who.clerkA)
    expect(own).toMatchObject({
      ok: true,
      data: {
        periodLabel: '2026年第一季度（截至目前）',
        volume: 3,
        top: [
          { problemType: '价格', volume: 2, advice: ADVICE_LIBRARY['价格'][0].text },
          { problemType: '质量', volume: 1, advice: ADVICE_LIBRARY['质量'][0].text },
        ],
      },
    })
    expect(await callAs(deps, 'merchant', { action: 'letterSummary', merchantId: SHOP_A.id }, who.clerkB)).toMatchObject({
      ok: false,
      error: { code: 'MERCHANT_NOT_FOUND' },
    })
    expect(await callAs(deps, 'merchant', { action: 'letterSummary' }, who.clerkB)).toMatchObject({
      ok: true,
      data: { volume: 0, top: [] },
    })
    expect(await callAs(deps, 'merchant', { action: 'letterSummary', merchantId: SHOP_B.id }, who['st-a'])).toMatchObject({ ok: false })
  })
})
