import { wecomGroupRobot } from '../../cloudfunctions/adapters/wecom/wecom-webhook'
import { dispatchOutbox } from '../../cloudfunctions/services/notify/dispatch-outbox'
import type { NotifyChannels } from '../../cloudfunctions/services/notify/notify-channels'
import { tick } from '../../cloudfunctions/services/tick'
import type { NotificationContact } from '../../src/domain/notify/contact.schema'
import { deploymentDefaultContacts } from '../../src/domain/notify/deployment-defaults'
import { aSubmission, unique } from '../support/builders'
import { callAs } from '../support/call-as'
import { startJsonLoopback, type JsonLoopback } from '../support/json-loopback'
import { SHOP_B, SITE_A, SITE_B } from '../support/seed-shops'
import { openWorkflowWorld } from '../support/workflow-world'

const T0 = new Date('2026-03-10T02:00:00Z')
const LATER = new Date('2026-04-30T02:00:00Z') // every clock of a case filed at T0 has run out
const ENV_KEY = 'env-default-robot-key'

// The dispatcher reading notification contacts from the store, against the WeCom loopback on the
// real robot adapter: which group's key a red card is posted with is decided by the case's site,
// its area, the stored default, or the env — in that order — and by nothing else.
describe('notification contacts in the dispatcher', () => {
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  let robot: JsonLoopback
  let withEnv: NotifyChannels
  let withoutEnv: NotifyChannels

  beforeAll(async () => {
    world = await openWorkflowWorld(T0)
    robot = await startJsonLoopback(() => ({ json: { errcode: 0, errmsg: 'ok' } }))
    const groupRobot = wecomGroupRobot({ baseUrl: robot.baseUrl })
    withEnv = { groupRobot, defaultContacts: deploymentDefaultContacts({ wecomKey: ENV_KEY }) }
    withoutEnv = { groupRobot, defaultContacts: deploymentDefaultContacts({}) }
  })
  beforeEach(() => world.deps.clock.set(T0))
  afterAll(async () => {
    await robot.close()
    await world.store.close()
  })

  const contacts: NotificationContact[] = []
  const addContact = async (over: Pick<NotificationContact, 'scope' | 'target'> & Partial<NotificationContact>) => {
    const c: NotificationContact = {
      id: unique('contact'),
      label: '值班群',
      roles: ['station', 'regulator'],
      events: ['overdue'],
      channel: 'wecom',
      updatedBy: 'st-a',
      updatedAt: T0.toISOString(),
      ...over,
    }
    await world.store.saveContact(c, {
      id: unique('chg'),
      contactId: c.id,
      scope: c.scope,
      change: 'saved',
      by: { role: 'station', id: 'st-a' },
      at: c.updatedAt,
    })
    contacts.push(c)
  }
  afterEach(async () => {
    for (const c of contacts.splice(0))
      await world.store.deleteContact(c.id, {
        id: unique('chg'),
        contactId: c.id,
        scope: c.scope,
        change: 'deleted',
        by: { role: 'station', id: 'st-a' },
        at: T0.toISOString(),
      })
    await world.store.saveSite(SITE_A)
    await world.store.saveSite(SITE_B)
  })

  const fileAt = async (shopCode: string) => {
    const r = await callAs(world.deps, 'consumer', aSubmission(shopCode, { idempotencyKey: unique('ct').padEnd(16, '0') }), {
      subject: unique('shopper'),
    })
    if (!r.ok) throw new Error(r.error.code)
    return r.data.caseNo as string
  }
  /** File one case at each site, let every clock run out, and send what that queued. */
  const redCardsFor = async (channels: NotifyChannels) => {
    const before = robot.requests.length
    const caseA = await world.file(unique('shopper')).then(async (id) => (await world.store.getCase(id))!.caseNo)
    const caseB = await fileAt(SHOP_B.code)
    await tick(world.deps, LATER)
    await dispatchOutbox(world.deps, channels, LATER)
    const posts = robot.requests
      .slice(before)
      .map((r) => ({ key: r.query.key, content: (r.body as { markdown: { content: string } }).markdown.content }))
    /** the red cards about a case, by the key of the group each went to */
    const redCards = (caseNo: string) => posts.filter((p) => p.content.includes(caseNo) && p.content.includes('红牌')).map((p) => p.key)
    return { posts, a: redCards(caseA), b: redCards(caseB), caseA, caseB }
  }

  it("when site A has its own WeCom group, then A's red cards go there and site B's go to the env's default group", async () => {
    await addContact({ scope: { kind: 'site', siteId: SITE_A.id }, target: 'site-a-robot-key' })
    const { a, b } = await redCardsFor(withEnv)
    expect(a.length).toBeGreaterThan(0)
    expect(new Set(a)).toEqual(new Set(['site-a-robot-key']))
    expect(b.length).toBeGreaterThan(0)
    expect(new Set(b)).toEqual(new Set([ENV_KEY]))
  })

  it('when an area has a group, then the red cards of every site of that area go to it and not to the default', async () => {
    await world.store.saveSite({ ...SITE_A, areaId: 'xihu' })
    await world.store.saveSite({ ...SITE_B, areaId: 'xihu' })
    await addContact({ scope: { kind: 'area', areaId: 'xihu' }, target: 'xihu-area-robot-key' })
    await addContact({ scope: { kind: 'area', areaId: 'binjiang' }, target: 'other-area-robot-key' })
    const { a, b } = await redCardsFor(withEnv)
    expect(new Set([...a, ...b])).toEqual(new Set(['xihu-area-robot-key']))
    expect(a.length).toBeGreaterThan(0)
    expect(b.length).toBeGreaterThan(0)
  })

  it("when a site of the area has its own group, then that site's own group wins over the area's", async () => {
    await world.store.saveSite({ ...SITE_A, areaId: 'xihu' })
    await world.store.saveSite({ ...SITE_B, areaId: 'xihu' })
    await addContact({ scope: { kind: 'area', areaId: 'xihu' }, target: 'xihu-area-robot-key' })
    await addContact({ scope: { kind: 'site', siteId: SITE_B.id }, target: 'site-b-robot-key' })
    const { a, b } = await redCardsFor(withEnv)
    expect(new Set(a)).toEqual(new Set(['xihu-area-robot-key']))
    expect(new Set(b)).toEqual(new Set(['site-b-robot-key']))
  })

  it('when no contact covers a case and the env names no group, then its messages reach the inbox only', async () => {
    const { posts, caseB } = await redCardsFor(withoutEnv)
    expect(posts).toEqual([])
    const inbox = await world.store.listInbox({ role: 'station', id: SITE_B.id }, { limit: 500, offset: 0 })
    const caseId = (await world.store.findCaseByNo(caseB))!.id
    expect(inbox.filter((e) => e.caseId === caseId).map((e) => e.template)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^clock\..*\.overdue$/)]),
    )
  })

  it('when a contact listens for new cases, then the new-case message goes to its group with the case number, while the env default (escalations and red cards only) does not hear it', async () => {
    // a complaint's new-case message is addressed to the shop: the site's group hears a copy of it
    await addContact({ scope: { kind: 'site', siteId: SITE_A.id }, target: 'site-a-intake-key', events: ['new_case'], roles: ['merchant'] })
    const before = robot.requests.length
    // a complaint unlike the shop's earlier ones: one more alike would be the fifth, and the burst pass after the next
    // tick (bursts/burst-pass.ts) would raise an alert that the env default hears (an escalation)
    const caseId = await world.file(unique('shopper'), { problemType: '价格', description: '结账时多收了二十元钱，店员不肯退' })
    await dispatchOutbox(world.deps, withEnv, T0)
    const caseNo = (await world.store.getCase(caseId))!.caseNo
    const posts = robot.requests.slice(before)
    expect(posts.map((p) => p.query.key)).toEqual(['site-a-intake-key'])
    expect((posts[0].body as { markdown: { content: string } }).markdown.content).toContain(caseNo)
  })
})
