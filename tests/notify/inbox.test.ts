import { dispatchOutbox } from '../../cloudfunctions/services/notify/dispatch-outbox'
import { callAs } from '../support/call-as'
import { aSubmission, unique } from '../support/builders'
import { openWorkflowWorld } from '../support/workflow-world'
import { deploymentDefaultContacts } from '../../src/domain/notify/deployment-defaults'

// The in-app inbox through the `inbox` function: each role reads exactly the boxes its notifications
// are addressed to, marks its own entries read, and station staff see (and resend) what got parked.
describe('inbox function', () => {
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  const inbox = (action: string, input: object, who: Parameters<typeof callAs>[3]) => callAs(world.deps, 'inbox', { action, ...input }, who)

  beforeAll(async () => {
    world = await openWorkflowWorld()
  })
  afterAll(() => world.store.close())

  it('when a step is dispatched, then the shopper sees it unread, marks it read, and nobody else can read or mark it', async () => {
    const shopper = { subject: unique('shopper') }
    const caseId = await world.file(shopper.subject)
    await world.act('station', caseId, 'accept', world.who['st-a'])
    await dispatchOutbox(world.deps, {}, world.deps.clock.now())
    const mine = await inbox('list', { as: 'consumer' }, shopper)
    expect(mine).toMatchObject({
      ok: true,
      data: { unread: 1, items: [{ caseId, template: 'consumer.accepted', title: expect.stringMatching(/受理/), readAt: null }] },
    })
    const id = mine.ok ? mine.data.items[0].id : ''
    expect(JSON.stringify(mine)).not.toContain(shopper.subject) // never the recipient's internal id
    expect(await inbox('markRead', { as: 'consumer', ids: [id] }, { subject: 'someone-else' })).toMatchObject({
      ok: true,
      data: { marked: 0 },
    })
    expect(await inbox('list', { as: 'consumer' }, { subject: 'someone-else' })).toMatchObject({ ok: true, data: { unread: 0, items: [] } })
    expect(await inbox('markRead', { as: 'consumer', ids: [id] }, shopper)).toMatchObject({ ok: true, data: { marked: 1 } })
    expect(await inbox('list', { as: 'consumer' }, shopper)).toMatchObject({ ok: true, data: { unread: 0 } })
    // the shop's inbox holds the new-case alert; the other shop's clerk reads none of it
    const shop = await inbox('list', { as: 'merchant' }, world.who.clerkA)
    expect(shop.ok && shop.data.items.some((e: { caseId: string }) => e.caseId === caseId)).toBe(true)
    const other = await inbox('list', { as: 'merchant' }, world.who.clerkB)
    expect(other.ok && other.data.items.some((e: { caseId: string }) => e.caseId === caseId)).toBe(false)
    expect(await inbox('list', { as: 'merchant' }, shopper)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it("when a notification is parked, then its site's station lists and requeues it; another site's cannot", async () => {
    const caseId = await world.file(unique('shopper'))
    const failing = {
      groupRobot: { sendMarkdown: async () => ({ ok: false as const, retryable: true, code: 'HTTP_503', detail: 'down' }) },
      defaultContacts: deploymentDefaultContacts({ wecomKey: 'env-robot-key' }),
    }
    await world.act('station', caseId, 'accept', world.who['st-a'])
    await world.act('station', caseId, 'dispatch', world.who['st-a'])
    world.deps.clock.advance(46 * 60_000) // the shop stays silent past its 45 minutes: an escalation by the clock
    await world.act('station', caseId, 'escalate', world.who['st-a'], '商家未响应')
    await dispatchOutbox(world.deps, failing, world.deps.clock.now(), { maxAttempts: 1 })
    const parked = await inbox('parked', {}, world.who['st-a'])
    const row = parked.ok ? parked.data.items.find((i: { caseId: string }) => i.caseId === caseId) : undefined
    expect(row).toMatchObject({ template: 'station.escalated', attempts: 1, lastError: expect.stringContaining('HTTP_503') })
    const elsewhere = await inbox('parked', {}, world.who['st-b'])
    expect(elsewhere.ok && elsewhere.data.items.some((i: { caseId: string }) => i.caseId === caseId)).toBe(false)
    expect(await inbox('requeue', { id: row.id }, world.who['st-b'])).toMatchObject({
      ok: false,
      error: { code: 'NOTIFICATION_NOT_FOUND' },
    })
    expect(await inbox('requeue', { id: row.id }, world.who['st-a'])).toMatchObject({ ok: true, data: { requeued: true } })
    expect(await inbox('parked', {}, world.who.clerkA)).toMatchObject({ ok: false })
  })

  it('when an anonymous report is filed, then the station is told of a 举报, not a 投诉', async () => {
    const r = await callAs(
      world.deps,
      'consumer',
      {
        ...aSubmission('WDXG26', { idempotencyKey: unique('rp').padEnd(16, '0') }),
        kind: 'report',
        anonymous: true,
        name: '',
        phone: '',
        address: '',
        demands: [],
      },
      { subject: unique('reporter') },
    )
    if (!r.ok) throw new Error(r.error.code)
    await dispatchOutbox(world.deps, {}, world.deps.clock.now())
    const box = await inbox('list', { as: 'station' }, world.who['st-a'])
    const entry = box.ok ? box.data.items.find((e: { caseId: string }) => e.caseId === r.data.caseId) : undefined
    expect(entry).toMatchObject({ template: 'station.submitted', title: '收到新举报' })
    expect(entry.body).not.toContain('投诉')
  })

  it('when the shopper allows subscribe messages, then each allowed template counts one send', async () => {
    const shopper = { subject: unique('shopper') }
    expect(await inbox('recordSubscriptions', { accepted: ['consumer_accepted', 'consumer_closed'] }, shopper)).toMatchObject({
      ok: true,
      data: { recorded: 2 },
    })
    await inbox('recordSubscriptions', { accepted: ['consumer_accepted'] }, shopper)
    expect(await world.store.remainingSubscriptionSends(shopper.subject, 'consumer_accepted')).toBe(2)
    expect(await inbox('recordSubscriptions', { accepted: ['no_such_slot'] }, shopper)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
  })
})
