import { advanceClock, type CaseClock } from '../../src/domain/clocks/case-clock'
import { dispatchOutbox } from '../../cloudfunctions/services/notify/dispatch-outbox'
import { tick } from '../../cloudfunctions/services/tick'
import { SHOP_A } from '../support/seed-shops'
import { openWorkflowWorld, rating, returnVisit } from '../support/workflow-world'

const T0 = new Date('2026-03-10T06:00:00Z') // 14:00 Beijing, a working Tuesday
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)

// A clock that stops and starts again (the case is reopened and dispatched to the shop a second
// time) is a new promise: its alerts are new messages. The dispatcher remembers what it delivered
// per alert key, so the key must tell the two runs of one clock apart — or the second red card is
// taken for a repeat of the first and nobody hears it.
describe('a clock that runs a second time', () => {
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  beforeAll(async () => {
    world = await openWorkflowWorld(T0)
  })
  afterAll(() => world.store.close())

  const step = async (minute: number, fn: 'consumer' | 'merchant' | 'station', caseId: string, action: string, who: object, extra = {}) => {
    world.deps.clock.set(at(minute))
    const r = await world.act(fn, caseId, action, who as never, '回访不满意', extra)
    if (!r.ok) throw new Error(`${action}: ${r.error.code}`)
  }
  const redCardsToShop = async (caseId: string) =>
    (await world.store.listInbox({ role: 'merchant', id: SHOP_A.id }, { limit: 500, offset: 0 })).filter(
      (e) => e.caseId === caseId && e.template === 'clock.merchant_response.overdue',
    )

  /** A case whose response clock ran out once and was started again at minute 66 (reopened, dispatched again). */
  const reopenedAndDispatchedAgain = async (shopper: { subject: string }, afterFirstRun: (caseId: string) => Promise<void>) => {
    const caseId = await world.file(shopper.subject)
    await step(0, 'station', caseId, 'accept', world.who['st-a'])
    await step(0, 'station', caseId, 'dispatch', world.who['st-a'])
    await afterFirstRun(caseId)
    if ((await world.store.getCase(caseId))?.status === 'mediating') {
      // the silent shop's case went to the station by itself (the tick): mediation ends without agreement
      await step(60, 'station', caseId, 'endMediation', world.who['st-a'])
    } else {
      await step(60, 'merchant', caseId, 'answer', world.who.clerkA)
      await step(61, 'consumer', caseId, 'acceptOffer', shopper)
    }
    await step(62, 'station', caseId, 'close', world.who['st-a'])
    await step(63, 'consumer', caseId, 'rate', shopper, { details: rating(false) })
    await step(64, 'station', caseId, 'returnVisit', world.who['st-a2'], { details: returnVisit(false) })
    await step(65, 'station', caseId, 'reopen', world.who['st-a'])
    await step(66, 'station', caseId, 'dispatch', world.who['st-a'])
    return caseId
  }
  const responseClockOf = async (caseId: string) =>
    (await world.store.listClocksOfCase(caseId)).find((c) => c.clockId === 'merchant_response')!

  it('when a tick read the clock before it was restarted and writes after, then its stale step is refused and the new run is untouched', async () => {
    let stale: CaseClock | undefined
    const caseId = await reopenedAndDispatchedAgain({ subject: 'shopper-stale' }, async (id) => {
      stale = (await world.store.findClocksDueBefore(at(50).toISOString(), 1000)).find(
        (c) => c.caseId === id && c.clockId === 'merchant_response',
      )
    })
    const { next, alerts } = advanceClock(stale!, at(50))
    expect(next.stage).toBe('overdue')
    expect(await world.store.advanceClock(next, stale!.stage, [])).toBe(false)
    expect(alerts).toHaveLength(3)
    expect(await responseClockOf(caseId)).toMatchObject({ stage: 'running', startedAt: at(66).toISOString() })
  })

  it('when the shop lets the response clock run out, the case is reopened and dispatched again, and the shop is silent again, then it gets a second red card', async () => {
    const caseId = await reopenedAndDispatchedAgain({ subject: 'shopper-restart' }, async (id) => {
      await tick(world.deps, at(50))
      await dispatchOutbox(world.deps, {}, at(50))
      expect(await redCardsToShop(id)).toHaveLength(1)
    })
    expect(await responseClockOf(caseId)).toMatchObject({ stage: 'running', startedAt: at(66).toISOString() })

    await tick(world.deps, at(120))
    await dispatchOutbox(world.deps, {}, at(120))
    expect(await redCardsToShop(caseId)).toHaveLength(2)
  })
})
