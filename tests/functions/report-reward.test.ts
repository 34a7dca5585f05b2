import { aSubmission, unique } from '../support/builders'
import { callAs, type Data } from '../support/call-as'
import { SHOP_A } from '../support/seed-shops'
import { openWorkflowWorld } from '../support/workflow-world'

// 举报奖励 through the real handlers (issue 17.9, docs/domain.md "Report rewards"): a report closed with
// a violation found opens the reward; the reporter applies with the report number and query code
// (anonymously, from any device); the station decides and the reporter sees it; the shop reported
// sees none of it.
let world: Awaited<ReturnType<typeof openWorkflowWorld>>
beforeAll(async () => {
  world = await openWorkflowWorld()
})
afterAll(() => world.store.close())

const station = (action: string, input: Data, who = 'st-a') => callAs(world.deps, 'station', { action, ...input }, world.who[who])
const consumer = (action: string, input: Data, subject = unique('any-device')) =>
  callAs(world.deps, 'consumer', { action, ...input }, { subject })
const CONTACT = { name: '举报人甲', phone: '139 0000 1234' }

/** An anonymous report at shop A: its id and the pair printed on the receipt. */
async function fileReport() {
  const r = await callAs(
    world.deps,
    'consumer',
    aSubmission(SHOP_A.code, { kind: 'report', anonymous: true, demands: [], idempotencyKey: unique('rr').padEnd(16, '0') }),
    { subject: unique('reporter') },
  )
  if (!r.ok) throw new Error(r.error.code)
  return { caseId: r.data.caseId as string, lookup: { caseNo: r.data.caseNo as string, queryCode: r.data.queryCode as string } }
}
async function concluded(violationFound: boolean) {
  const report = await fileReport()
  expect(await world.act('station', report.caseId, 'accept', world.who['st-a'])).toMatchObject({ ok: true })
  const closed = await station('concludeReport', { caseId: report.caseId, violationFound, note: violationFound ? '现场检查查实' : '' })
  expect(closed).toMatchObject({ ok: true, data: { status: 'closed', outcome: violationFound ? 'violation_found' : 'no_violation' } })
  return report
}

describe('a reward for a report that found a violation', () => {
  it('when the reporter applies anonymously with the report number and query code, the station grants it, then the reporter sees the amount', async () => {
    const { caseId, lookup } = await concluded(true)
    expect(await consumer('reportRewardStatus', { lookup })).toMatchObject({ ok: true, data: { canApply: true, status: null } })

    const applied = await consumer('applyReportReward', { lookup, contact: CONTACT, note: '请转账至本人银行卡' })
    expect(applied).toMatchObject({ ok: true, data: { status: 'applied', canApply: false, statusText: '已申请，等待维权站审核' } })
    expect(await consumer('applyReportReward', { lookup, contact: CONTACT })).toMatchObject({
      ok: false,
      error: { code: 'REWARD_ALREADY_APPLIED' },
    })

    // the station reads how to reach the reporter (on record in the access log) and decides
    expect(await station('getReportReward', { caseId })).toMatchObject({
      ok: true,
      data: { status: 'applied', contact: { name: '举报人甲', phone: '13900001234' }, note: '请转账至本人银行卡' },
    })
    expect((await world.store.listAccessOfCase(caseId)).map((a) => a.purpose)).toContain('station.getReportReward')
    const granted = await station('decideReportReward', { caseId, decision: 'granted', amountFen: 50000, reason: '举报属实，按规定奖励' })
    expect(granted).toMatchObject({ ok: true, data: { status: 'granted', amountFen: 50000 } })
    expect(await station('decideReportReward', { caseId, decision: 'refused', reason: '改主意' })).toMatchObject({
      ok: false,
      error: { code: 'REWARD_ALREADY_DECIDED' },
    })

    const seen = await consumer('reportRewardStatus', { lookup })
    expect(seen).toMatchObject({
      ok: true,
      data: { status: 'granted', amountFen: 50000, reason: '举报属实，按规定奖励', statusText: '已批准发放奖励' },
    })
    expect(JSON.stringify(seen)).not.toContain('13900001234') // the reporter's view carries nobody's details
  })

  it('when the station refuses, then the reporter sees the refusal and its reason', async () => {
    const { caseId, lookup } = await concluded(true)
    await consumer('applyReportReward', { lookup, contact: CONTACT })
    expect(await station('decideReportReward', { caseId, decision: 'granted', reason: '缺金额' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
    expect(
      await station('decideReportReward', { caseId, decision: 'refused', reason: '举报人系被举报方员工，按规定不予奖励' }),
    ).toMatchObject({
      ok: true,
    })
    expect(await consumer('reportRewardStatus', { lookup })).toMatchObject({
      ok: true,
      data: { status: 'refused', amountFen: null, reason: '举报人系被举报方员工，按规定不予奖励' },
    })
  })
})

describe('no reward where none is owed', () => {
  it('when the report is still open, or closed with no violation found, then no application is taken', async () => {
    const open = await fileReport()
    expect(await consumer('applyReportReward', { lookup: open.lookup, contact: CONTACT })).toMatchObject({
      ok: false,
      error: { code: 'REWARD_NOT_AVAILABLE' },
    })
    const none = await concluded(false)
    expect(await consumer('applyReportReward', { lookup: none.lookup, contact: CONTACT })).toMatchObject({
      ok: false,
      error: { code: 'REWARD_NOT_AVAILABLE' },
    })
    expect(
      await station('decideReportReward', { caseId: none.caseId, decision: 'granted', amountFen: 100, reason: '误操作' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'REWARD_NOT_AVAILABLE' },
    })
  })

  it('when the query code is wrong, then the answer is the same as for a number that does not exist', async () => {
    const { lookup } = await concluded(true)
    const wrong = { ...lookup, queryCode: 'ZZZZ-ZZZZ' }
    expect(await consumer('applyReportReward', { lookup: wrong, contact: CONTACT })).toMatchObject({
      ok: false,
      error: { code: 'LOOKUP_FAILED' },
    })
    expect(await consumer('reportRewardStatus', { lookup: wrong })).toMatchObject({ ok: false, error: { code: 'LOOKUP_FAILED' } })
  })

  it('when the case is a complaint, then the report steps do not apply to it', async () => {
    const caseId = await world.file('rr-complaint')
    expect(await world.act('station', caseId, 'accept', world.who['st-a'])).toMatchObject({ ok: true })
    expect(await station('concludeReport', { caseId, violationFound: true })).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    })
    expect(await station('getReportReward', { caseId })).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } })
  })
})

describe('the shop reported never sees any of it', () => {
  it('when the shop or another site looks, then the reward is nowhere to be found, and no notification about it reaches the shop', async () => {
    const { caseId, lookup } = await concluded(true)
    await consumer('applyReportReward', { lookup, contact: CONTACT })
    await station('decideReportReward', { caseId, decision: 'granted', amountFen: 20000, reason: '属实' })

    expect(await callAs(world.deps, 'merchant', { action: 'getCase', caseId }, world.who.clerkA)).toMatchObject({
      ok: false,
      error: { code: 'CASE_NOT_FOUND' },
    })
    for (const action of ['getReportReward', 'decideReportReward'])
      expect(
        await callAs(world.deps, 'station', { action, caseId, decision: 'granted', amountFen: 1, reason: '属实' }, world.who.clerkA),
      ).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      })
    // the clerk without the query code: the same refusal as anyone guessing
    expect(await consumer('reportRewardStatus', { lookup: { caseNo: lookup.caseNo, queryCode: '0000-0000' } }, 'clerk-a')).toMatchObject({
      ok: false,
      error: { code: 'LOOKUP_FAILED' },
    })
    const home = await callAs(world.deps, 'merchant', { action: 'getHome' }, world.who.clerkA)
    expect(home.ok && JSON.stringify(home.data)).not.toContain(caseId)
    expect((await world.store.listPendingOutbox(1000)).filter((m) => m.caseId === caseId && m.recipient.role === 'merchant')).toEqual([])
    expect(await station('getReportReward', { caseId }, 'st-b')).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } })
    expect(await station('decideReportReward', { caseId, decision: 'refused', reason: '别站' }, 'st-b')).toMatchObject({
      ok: false,
      error: { code: 'CASE_NOT_FOUND' },
    })
  })
})
