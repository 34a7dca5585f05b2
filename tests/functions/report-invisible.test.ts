import { dispatchOutbox } from '../../cloudfunctions/services/notify/dispatch-outbox'
import { tick } from '../../cloudfunctions/services/tick'
import { API } from '../../src/domain/api/contract'
import { aSubmission, unique } from '../support/builders'
import { openMerchantWorld, type MerchantWorld, type Shop } from './merchant-world'

// A report (举报) may come from inside the shop it reports: its text alone can name the employee.
// So the shop must never learn it exists — not in its home list, its counts, a case page, an action,
// its inbox or a clock's alert. Every merchant-facing action is probed from the contract's own list,
// so a new action without a probe here fails this suite.

type MerchantAction = keyof typeof API.merchant
type InboxAction = keyof typeof API.inbox

const SECRET = 'RPTSECRET'
const REPORTER = 'RPTPERSON'

const MERCHANT_PROBES: Record<MerchantAction, (reportId: string) => object[]> = {
  getHome: () => [{ action: 'getHome' }],
  getCase: (id) => [{ action: 'getCase', caseId: id }],
  actOnCase: (id) => [
    { action: 'actOnCase', caseId: id, caseAction: 'answer', reason: '退款', details: { kind: 'refusal', note: '不同意处理' } },
    { action: 'actOnCase', caseId: id, caseAction: 'checkIn', reason: '' },
  ],
  redeemInvite: () => [{ action: 'redeemInvite', code: 'NOSUCHCODE22' }],
  myMemberships: () => [{ action: 'myMemberships' }],
  fileObjection: () => [{ action: 'fileObjection', reason: '统计数字有误，请核实' }],
  myObjections: () => [{ action: 'myObjections' }],
  letterSummary: () => [{ action: 'letterSummary' }],
}
// the inbox actions a clerk may call; the station-only ones are refused by the policy before any read
const INBOX_PROBES: Record<InboxAction, () => object[]> = {
  list: () => [{ action: 'list', as: 'merchant' }],
  markRead: () => [{ action: 'markRead', as: 'merchant', ids: ['00000000-0000-4000-8000-000000000000'] }],
  recordSubscriptions: () => [{ action: 'recordSubscriptions', slots: [] }],
  parked: () => [{ action: 'parked' }],
  requeue: () => [{ action: 'requeue', outboxId: '00000000-0000-4000-8000-000000000000' }],
}

describe('a report never reaches the shop it reports', () => {
  let world: MerchantWorld
  let shop: Shop
  let reportId: string
  let reportNo: string

  beforeAll(async () => {
    world = await openMerchantWorld()
    shop = world.shops.one
    await world.fileCase(shop) // one ordinary complaint, dispatched to the shop
    const filed = await world.must(
      'consumer',
      aSubmission(shop.merchant.code, {
        kind: 'report',
        anonymous: false,
        name: REPORTER,
        demands: [],
        description: `${SECRET}：我是店里的员工，后厨把过期的肉重新贴标签卖`,
        idempotencyKey: unique('key').padEnd(16, '0'),
      }),
      { subject: unique('insider') },
    )
    reportId = filed.caseId
    reportNo = filed.caseNo
    const station = await world.stationOf(shop)
    await world.must('station', { action: 'actOnCase', caseId: reportId, caseAction: 'accept', reason: '' }, station)
    // every clock of both cases runs out, and every alert they cause is delivered
    const later = new Date(world.deps.clock.now().getTime() + 40 * 24 * 3600_000)
    await tick(world.deps, later)
    await dispatchOutbox(world.deps, {}, later)
  })
  afterAll(() => world.store.close())

  it('when the station tries to send a report to the shop, then it is refused and the report stays with the station', async () => {
    const station = await world.stationOf(shop)
    const sent = await world.call('station', { action: 'actOnCase', caseId: reportId, caseAction: 'dispatch', reason: '' }, station)
    expect(sent).toMatchObject({ ok: false, error: { code: 'REPORT_NOT_FOR_MERCHANT', message: expect.stringContaining('举报') } })
    const view = await world.must('station', { action: 'getCase', caseId: reportId }, station)
    expect(view.actions).not.toContain('dispatch')
    expect((await world.store.getCase(reportId))?.status).toBe('accepted')
  })

  it('when the probe tables are read, then they cover every merchant and inbox action of the contract', () => {
    expect(Object.keys(MERCHANT_PROBES).sort()).toEqual(Object.keys(API.merchant).sort())
    expect(Object.keys(INBOX_PROBES).sort()).toEqual(Object.keys(API.inbox).sort())
  })

  it("when the shop's clerk calls every action they have, then nothing of the report shows and its case is not found", async () => {
    const problems: string[] = []
    const probes = [
      ...Object.values(MERCHANT_PROBES).flatMap((p) => p(reportId).map((event) => ({ fn: 'merchant' as const, event }))),
      ...Object.values(INBOX_PROBES).flatMap((p) => p().map((event) => ({ fn: 'inbox' as const, event }))),
    ]
    for (const { fn, event } of probes) {
      const result = await world.call(fn, event, shop.clerk)
      const body = JSON.stringify(result)
      const label = `${fn}.${JSON.stringify(event).slice(0, 60)}`
      for (const marker of [SECRET, REPORTER, reportId, reportNo, '举报'])
        if (body.includes(marker)) problems.push(`${label} shows "${marker}"`)
      if ('caseId' in event && result.ok) problems.push(`${label} → ok (must be CASE_NOT_FOUND)`)
    }
    expect(problems).toEqual([])
  })

  it("when the shop's home is read, then its list and its record count the complaint only", async () => {
    const home = await world.must('merchant', { action: 'getHome' }, shop.clerk)
    expect(home.cases).toHaveLength(1)
    expect(home.record.total).toBe(1)
  })

  it("when the store lists or counts the shop's cases, then the report is left out", async () => {
    const listed = await world.store.listCasesForMerchant(shop.merchant.id, { limit: 50, offset: 0 })
    expect(listed.map((c) => c.kind)).toEqual(['complaint'])
    expect((await world.store.countMerchantCases(shop.merchant.id)).total).toBe(1)
  })

  it('when the station reads the shop in the registry, then it still sees its own report on the board', async () => {
    const station = await world.stationOf(shop)
    const board = await world.must('station', { action: 'listCases' }, station)
    expect(board.items.map((i: { id: string }) => i.id)).toContain(reportId)
  })
})
