import {
  prepareQuarterlyLetters,
  prepareSiteLetters,
  PENDING_LETTER_INBOX_TITLE,
} from '../../cloudfunctions/services/letters/quarterly-letters'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import { runTickJob } from '../../cloudfunctions/services/after-tick'
import { aMerchant, aSubmission, unique } from '../support/builders'
import { callAs } from '../support/call-as'
import { SHOP_A, SHOP_B, SITE_A, SITE_B } from '../support/seed-shops'
import { openWorkflowWorld } from '../support/workflow-world'

// The quarterly run of 消费投诉分析建议书 (docs/analysis-letters.md, "The quarterly run") on fixed dates (Beijing
// time): complaints filed in March 2026, the tick run the minute before 1 April and then on 1 April after the
// statistics are refreshed, as the host does after each tick. Site A's two shops with complaints get one 待送达
// entry each, once; site B (no complaints) gets none; a recorded delivery clears the entry.
describe('待送达建议书: the quarterly run through the tick (PGlite; CloudBase under test:cloudbase)', () => {
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  const SHOP_C = aMerchant(SITE_A, { id: 'shop-c-q', industry: '食品', name: '街角面馆' })
  const SHOP_QUIET = aMerchant(SITE_A, { id: 'shop-quiet', industry: '食品', name: '无投诉小店' })
  // 2026-03-31 23:59 and 2026-04-01 00:00 in Beijing
  const LAST_MINUTE_OF_Q1 = new Date('2026-03-31T15:59:00.000Z')
  const FIRST_DAY_OF_Q2 = new Date('2026-03-31T16:00:00.000Z')
  // a desk session of today (the clock moves on by days here, past the sessions opened at the start)
  const desk = async (id: string) => {
    const login = await loginStaff(world.deps, id, 'pw-123456')
    if (!login.ok) throw new Error(login.error.code)
    return { subject: `${id}-desk`, staffSessionToken: login.data.token }
  }
  const pendingOf = async (who: string) => {
    const r = await callAs(world.deps, 'station', { action: 'listPendingLetters' }, await desk(who))
    if (!r.ok) throw new Error(r.error.code)
    return r.data as { merchantId: string; quarter: string; complaints: number; merchantName: string }[]
  }
  const runTickAt = async (at: Date) => {
    world.deps.clock.advance(at.getTime() - world.deps.clock.now().getTime())
    await runTickJob(world.deps, at) // the clocks, the statistics' refresh, then the quarterly run
  }

  beforeAll(async () => {
    world = await openWorkflowWorld(new Date('2026-03-20T02:00:00.000Z'))
    const { store, deps, file } = world
    await store.saveMerchant(SHOP_C)
    await store.saveMerchant(SHOP_QUIET)
    await file('shopper-1', { problemType: '价格' })
    await file('shopper-2', { problemType: '质量' })
    const c = await callAs(deps, 'consumer', aSubmission(SHOP_C.code, { idempotencyKey: unique('c').padEnd(16, '0') }), {
      subject: 'shopper-3',
    })
    if (!c.ok) throw new Error(c.error.code)
  })
  afterAll(() => world.store.close())

  it('when the tick runs the minute before the quarter ends, then no letter is owed yet', async () => {
    await runTickAt(LAST_MINUTE_OF_Q1)
    expect(await pendingOf('st-a')).toEqual([])
  })

  it("when the tick runs on the quarter's first day, then every shop with a complaint in it is owed a letter, once", async () => {
    await runTickAt(FIRST_DAY_OF_Q2)
    const owed = await pendingOf('st-a')
    expect(owed.map((p) => [p.merchantId, p.quarter, p.complaints])).toEqual([
      [SHOP_A.id, '2026-Q1', 2],
      [SHOP_C.id, '2026-Q1', 1],
    ])
    // a later tick, and a second host doing the same site's run, add nothing
    await runTickJob(world.deps, world.deps.clock.now())
    expect(await prepareSiteLetters(world.deps, SITE_A.id, '2026-Q1', world.deps.clock.now())).toBe(0)
    expect(await prepareQuarterlyLetters(world.deps, world.deps.clock.now())).toEqual({ quarter: null, added: 0 })
    expect(await pendingOf('st-a')).toHaveLength(2)
  })

  it('when a site had no complaints in the quarter, then its station sees nothing owed', async () => {
    expect(await pendingOf('st-b')).toEqual([])
    expect(await prepareSiteLetters(world.deps, SITE_B.id, '2026-Q1', world.deps.clock.now())).toBe(0)
  })

  it("when the shop has a clerk bound, then its inbox is told the letter is coming, once; another shop's clerk is not", async () => {
    const inbox = await callAs(world.deps, 'inbox', { action: 'list', as: 'merchant' }, world.who.clerkA)
    if (!inbox.ok) throw new Error(inbox.error.code)
    expect(inbox.data.items.filter((i: { title: string }) => i.title === PENDING_LETTER_INBOX_TITLE)).toHaveLength(1)
    expect(JSON.stringify(await callAs(world.deps, 'inbox', { action: 'list', as: 'merchant' }, world.who.clerkB))).not.toContain(
      PENDING_LETTER_INBOX_TITLE,
    )
  })

  it('when the station records the delivery, then the entry is no longer owed; the other shop still is', async () => {
    const recorded = await callAs(
      world.deps,
      'station',
      { action: 'recordLetterDelivery', merchantId: SHOP_A.id, quarter: '2026-Q1', method: '打印面交' },
      await desk('st-a'),
    )
    expect(recorded).toMatchObject({ ok: true })
    expect((await pendingOf('st-a')).map((p) => p.merchantId)).toEqual([SHOP_C.id])
  })

  it("when a clerk or another site's station asks for the list, then it is refused or shows only its own site", async () => {
    expect(await callAs(world.deps, 'station', { action: 'listPendingLetters' }, world.who.clerkA)).toMatchObject({ ok: false })
    expect(await pendingOf('st-b')).toEqual([])
  })

  it('when a run dies while telling the shops, then the next run tells the shops not told yet, and each shop once', async () => {
    // Q2: one complaint at shop A (site A) and one at shop B (site B), both shops with a clerk bound
    await world.file('shopper-q2-a')
    const b = await callAs(world.deps, 'consumer', aSubmission(SHOP_B.code, { idempotencyKey: unique('b').padEnd(16, '0') }), {
      subject: 'shopper-q2-b',
    })
    if (!b.ok) throw new Error(b.error.code)
    // the run's second message to a shop fails, as when the function is stopped at its time limit
    let letterMessages = 0
    const store = new Proxy(world.store, {
      get(target, prop) {
        if (prop === 'deliverToInbox')
          return async (...args: Parameters<typeof target.deliverToInbox>) => {
            if (args[0].eventId.startsWith('letter-due:') && ++letterMessages === 2) throw new Error('stopped at the time limit')
            return target.deliverToInbox(...args)
          }
        const value: unknown = Reflect.get(target, prop, target)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    const failing = { ...world.deps, store }
    const firstDayOfQ3 = new Date('2026-06-30T16:00:00.000Z')
    world.deps.clock.advance(firstDayOfQ3.getTime() - world.deps.clock.now().getTime())
    await runTickJob(failing, firstDayOfQ3) // entries added, one shop told, then it stops
    await runTickJob(failing, firstDayOfQ3)
    await prepareSiteLetters(failing, SITE_B.id, '2026-Q2', firstDayOfQ3)
    const toldOf = async (who: (typeof world.who)[string]) => {
      const inbox = await callAs(world.deps, 'inbox', { action: 'list', as: 'merchant' }, who)
      if (!inbox.ok) throw new Error(inbox.error.code)
      return inbox.data.items.filter((i: { title: string }) => i.title === PENDING_LETTER_INBOX_TITLE).length
    }
    expect(letterMessages).toBeGreaterThanOrEqual(2)
    expect(await toldOf(world.who.clerkA)).toBe(2) // 2026-Q1 and 2026-Q2
    expect(await toldOf(world.who.clerkB)).toBe(1) // 2026-Q2
  })
})
