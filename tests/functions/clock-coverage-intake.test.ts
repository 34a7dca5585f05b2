import { aSubmission, unique } from '../support/builders'
import { callAs, type Data } from '../support/call-as'
import { SHOP_A } from '../support/seed-shops'
import { openWorkflowWorld } from '../support/workflow-world'

// Issue 17.2: the 1-hour initial review (初查) and the 2-hour case number to the complainant. A shopper who
// files on their phone sees the number at once; a 12345 hand-over or a caller does not, so for them the
// clock runs from when the case was received until staff record 已告知案件编号. Both follow a site's numbers.
const HOUR = 3_600_000

describe('the initial-review and case-number clocks', () => {
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  beforeAll(async () => {
    world = await openWorkflowWorld() // Tuesday 2026-03-10, 10:00 Beijing
  })
  afterAll(() => world.store.close())

  const st = () => world.who['st-a']
  const clocksOf = async (caseId: string) => Object.fromEntries((await world.store.listClocksOfCase(caseId)).map((k) => [k.clockId, k]))
  const handOver = async (intake: Data) => {
    const r = await callAs(
      world.deps,
      'proxy',
      { ...aSubmission(SHOP_A.code, { idempotencyKey: unique('ho').padEnd(16, '0') }), action: 'fileComplaint', attestation: true, intake },
      st(),
    )
    if (!r.ok) throw new Error(r.error.code)
    return r.data.caseId as string
  }
  const actions = async (caseId: string) => {
    const page = await callAs(world.deps, 'station', { action: 'getCase', caseId }, st())
    if (!page.ok) throw new Error(page.error.code)
    return page.data.actions as string[]
  }

  it('when a 12345 hand-over received half an hour ago is typed in, then both clocks run from the received time and 已告知案件编号 stops the second', async () => {
    const caseId = await handOver({ channel: 'hotline_12345', handoverNo: 'ZB-2026-0310-017', receivedAt: '2026-03-10T09:30' })
    const received = new Date('2026-03-10T09:30:00+08:00').getTime()
    const clocks = await clocksOf(caseId)
    expect(clocks.initial_review).toMatchObject({ stage: 'running', dueAt: new Date(received + 1 * HOUR).toISOString() })
    expect(clocks.case_number).toMatchObject({ stage: 'running', dueAt: new Date(received + 2 * HOUR).toISOString() })

    expect(await actions(caseId)).toContain('notifyCaseNumber')
    expect(await world.act('station', caseId, 'notifyCaseNumber', st())).toMatchObject({ ok: true, data: { status: 'received' } })
    expect((await clocksOf(caseId)).case_number).toMatchObject({ stage: 'stopped', stoppedAt: world.deps.clock.now().toISOString() })
    expect(await actions(caseId)).not.toContain('notifyCaseNumber') // told once: the step goes
    expect((await world.store.listEvents(caseId)).at(-1)!.type).toBe('case_number_sent')

    // the station's acceptance is its first decision: it ends the initial review
    await world.act('station', caseId, 'accept', st())
    expect((await clocksOf(caseId)).initial_review).toMatchObject({ stage: 'stopped' })
  })

  it('when a shopper files by scanning, then the case number is told at the filing and the step is never offered', async () => {
    const caseId = await world.file(unique('shopper'))
    const clocks = await clocksOf(caseId)
    expect(clocks.case_number).toMatchObject({ stage: 'stopped', stoppedAt: clocks.case_number.startedAt })
    expect(clocks.initial_review).toMatchObject({ stage: 'running' })
    expect(await actions(caseId)).not.toContain('notifyCaseNumber')
    expect(await world.act('station', caseId, 'notifyCaseNumber', st())).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } })
  })

  it('when a transfer comes back (退回), then 已答复投诉人 is offered while the 2-hour clock runs, and answering stops it', async () => {
    const caseId = await world.file(unique('shopper'))
    const transfer = { kind: 'transfer', destination: 'department', toSiteId: '', toName: '区卫生健康委员会', fromSiteId: '' }
    expect(await world.act('station', caseId, 'transfer', st(), '不属于本站管辖', { details: transfer })).toMatchObject({ ok: true })
    expect(await actions(caseId)).not.toContain('answerComplainant') // nothing came back yet
    expect(await world.act('station', caseId, 'sendBack', st(), '卫健委：不属于其职责')).toMatchObject({ ok: true })
    expect((await clocksOf(caseId)).answer_after_return).toMatchObject({ stage: 'running' })
    expect(await actions(caseId)).toContain('answerComplainant')
    expect(await world.act('station', caseId, 'answerComplainant', st())).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect(await world.act('station', caseId, 'answerComplainant', st(), '已电话告知投诉人退回原因')).toMatchObject({ ok: true })
    expect((await clocksOf(caseId)).answer_after_return).toMatchObject({ stage: 'stopped' })
    expect(await actions(caseId)).not.toContain('answerComplainant')
    const answeredBy = (await world.store.listEvents(caseId)).at(-1)!
    expect(answeredBy).toMatchObject({ type: 'answered_complainant', note: '已电话告知投诉人退回原因', actor: { role: 'station' } })
  })

  it('when the site sets its own hours, then a new phone case runs on them, and the settings page lists both clocks', async () => {
    const saved = await callAs(
      world.deps,
      'station',
      { action: 'saveClockSettings', settings: { amounts: { initial_review: 2, case_number: 4 } } },
      st(),
    )
    expect(saved.ok).toBe(true)
    const effective = saved.ok ? (saved.data.effective as { clockId: string; amount: number }[]) : []
    expect(effective.filter((e) => ['initial_review', 'case_number'].includes(e.clockId))).toEqual([
      expect.objectContaining({ clockId: 'initial_review', amount: 2, label: '初查', unit: 'hours' }),
      expect.objectContaining({ clockId: 'case_number', amount: 4, label: '告知案件编号', unit: 'hours' }),
    ])
    const caseId = await handOver({ channel: 'phone' })
    const now = world.deps.clock.now().getTime()
    const clocks = await clocksOf(caseId)
    expect(clocks.initial_review.dueAt).toBe(new Date(now + 2 * HOUR).toISOString())
    expect(clocks.case_number.dueAt).toBe(new Date(now + 4 * HOUR).toISOString())
    await callAs(world.deps, 'station', { action: 'saveClockSettings', settings: { amounts: {} } }, st())
  })
})
