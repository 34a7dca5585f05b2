import type { CaseEvent } from '../../src/domain/case.schema'
import { CLOCK_IDS, DEFAULT_CLOCK_RULES, type ClockId } from '../../src/domain/clocks/clock-rules'
import type { ClientDetails } from '../../src/domain/workflow/event-details'
import { aSubmission, unique } from '../support/builders'
import { callAs, type Data } from '../support/call-as'
import { SHOP_A } from '../support/seed-shops'
import { openWorkflowWorld } from '../support/workflow-world'

// Issue 17.1: every clock in the table is started and stopped by something people (or the system)
// really do. For each rule of DEFAULT_CLOCK_RULES a journey through the real handlers starts the clock
// and another stops it; and every event a rule names must come out of some journey here. The test is
// driven by the table: a rule added without a recipe below fails with its name, and so does a rule
// naming an event nothing emits (or an emitter that stopped emitting it).
const MINUTE = 60_000

let world: Awaited<ReturnType<typeof openWorkflowWorld>>
beforeAll(async () => {
  world = await openWorkflowWorld()
})
afterAll(() => world.store.close())

/** A journey: handler calls that leave one case somewhere; run once, then remembered. */
type Journey = () => Promise<string>
const ran = new Map<Journey, Promise<string>>()
const run = (j: Journey) => {
  if (!ran.has(j)) ran.set(j, j())
  return ran.get(j)!
}

const must = (r: { ok: boolean; error?: { code: string } }, what: string) => {
  if (!r.ok) throw new Error(`${what}: ${r.error?.code}`)
}
const shoppers = new Map<string, string>() // caseId → the subject who filed it
const st = () => world.who['st-a']
const step = async (caseId: string, caseAction: string, reason = '', extra: Record<string, unknown> = {}) =>
  must(await world.act('station', caseId, caseAction, st(), reason, extra), caseAction)
const station = async (action: string, input: Data) => must(await callAs(world.deps, 'station', { action, ...input }, st()), action)
const shopper = async (caseId: string, caseAction: string, reason = '', extra: Record<string, unknown> = {}) =>
  must(await world.act('consumer', caseId, caseAction, { subject: shoppers.get(caseId)! }, reason, extra), caseAction)
const clerk = async (caseId: string, caseAction: string) =>
  must(await world.act('merchant', caseId, caseAction, world.who.clerkA), caseAction)

const transferTo = (destination: 'department' | 'police' | 'cross_region'): ClientDetails => ({
  kind: 'transfer',
  destination,
  toSiteId: '',
  toName: { department: '区卫生健康委员会', police: '城东派出所', cross_region: '邻市市场监督管理局' }[destination],
  fromSiteId: '',
})

// ── the journeys ──────────────────────────────────────────────────────────────────────────────────
/** A scan complaint at a shop that did not sign the double commitment: it waits for the station. */
const filed = async () => {
  const subject = unique('shopper')
  const caseId = await world.file(subject)
  shoppers.set(caseId, subject)
  return caseId
}
const fresh = (then?: (caseId: string) => Promise<void>) => async () => {
  const caseId = await filed()
  if (then) await then(caseId)
  return caseId
}
const byPhone: Journey = async () => {
  const r = await callAs(
    world.deps,
    'proxy',
    {
      ...aSubmission(SHOP_A.code, { idempotencyKey: unique('ph').padEnd(16, '0') }),
      action: 'fileComplaint',
      attestation: true,
      intake: { channel: 'phone' },
    },
    st(),
  )
  must(r, 'phone intake')
  return r.ok ? (r.data.caseId as string) : ''
}
const accepted = fresh((id) => step(id, 'accept'))
const withShop = fresh(async (id) => {
  await step(id, 'accept')
  await step(id, 'dispatch')
})
const answered = fresh(async (id) => {
  await step(id, 'accept')
  await step(id, 'dispatch')
  await clerk(id, 'answer')
})
const mediating = fresh(async (id) => {
  await step(id, 'accept')
  await step(id, 'dispatch')
  await step(id, 'escalate', '双方分歧较大，维权站介入')
})
const settledAndClosed = async (id: string) => {
  await step(id, 'dispatch')
  await clerk(id, 'answer')
  await shopper(id, 'acceptOffer')
  await step(id, 'close')
}
const closed = fresh(async (id) => {
  await step(id, 'accept')
  await settledAndClosed(id)
})
const sentOut = (destination: 'department' | 'police' | 'cross_region') =>
  fresh((id) => step(id, 'transfer', '不属于本站管辖', { details: transferTo(destination) }))
const toDepartment = sentOut('department')
const toPolice = sentOut('police')
const crossRegion = sentOut('cross_region')
const returned = fresh(async (id) => {
  await step(id, 'transfer', '不属于本站管辖', { details: transferTo('department') })
  await step(id, 'sendBack', '卫健委回复：不属于其职责范围')
})
const fastTracked = fresh((id) => station('fastTrack', { caseId: id, reason: 'on_site_dispute', onSite: 'team' }))
const fastDispatched = fresh(async (id) => {
  await station('fastTrack', { caseId: id, reason: 'on_site_dispute', onSite: 'team' })
  await station('fastDispatch', { caseId: id })
})
const fastClosed = fresh(async (id) => {
  await step(id, 'accept')
  await station('fastTrack', { caseId: id, reason: 'on_site_dispute', onSite: 'team' })
  await station('fastDispatch', { caseId: id })
  await station('staffCheckIn', { caseId: id })
  await settledAndClosed(id)
})
const then = (first: Journey, next: (caseId: string) => Promise<void>): Journey => {
  return async () => {
    const caseId = await first()
    await next(caseId)
    return caseId
  }
}

/** For each clock: a journey that leaves it running, and one that stopped it by one of its stop events. */
const RECIPES: Partial<Record<ClockId, { start: Journey; stop: Journey }>> = {
  merchant_response: { start: withShop, stop: answered },
  on_site: {
    start: fresh(async (id) => {
      await step(id, 'accept')
      await step(id, 'requireOnSite')
    }),
    stop: fresh(async (id) => {
      await step(id, 'accept')
      await step(id, 'requireOnSite')
      await clerk(id, 'checkIn')
    }),
  },
  first_answer: { start: filed, stop: accepted },
  accept_decision: { start: filed, stop: accepted },
  initial_review: { start: filed, stop: accepted },
  completion: { start: accepted, stop: closed },
  mediation: { start: mediating, stop: then(mediating, (id) => step(id, 'mediate')) },
  transfer_back: { start: filed, stop: toDepartment },
  answer_after_return: {
    start: returned,
    stop: then(returned, (id) => step(id, 'answerComplainant', '已电话告知投诉人退回原因及后续办理安排')),
  },
  return_visit: {
    start: closed,
    stop: then(closed, async (id) => must(await world.act('station', id, 'returnVisit', world.who['st-a2']), 'returnVisit')),
  },
  case_number: { start: byPhone, stop: then(byPhone, (id) => step(id, 'notifyCaseNumber')) },
  handover_department: { start: toDepartment, stop: then(toDepartment, (id) => step(id, 'confirmTransfer')) },
  handover_police: { start: toPolice, stop: then(toPolice, (id) => step(id, 'confirmTransfer')) },
  cross_region_transfer: { start: crossRegion, stop: then(crossRegion, (id) => step(id, 'confirmTransfer')) },
  fast_track_dispatch: { start: fastTracked, stop: fastDispatched },
  fast_track_response: { start: fastDispatched, stop: then(fastDispatched, (id) => station('staffCheckIn', { caseId: id })) },
  fast_track_feedback: {
    start: fastClosed,
    stop: then(fastClosed, (id) => station('fastTrackFeedback', { caseId: id, reason: '已现场处置完毕，双方和解' })),
  },
}

/** Stop events no recipe above needs: each has a journey of its own that emits it. */
const EMITTERS: Record<string, Journey> = {
  withdrawn: fresh((id) => shopper(id, 'withdraw')),
  rejected: fresh((id) => step(id, 'reject', '纯民事纠纷', { details: { kind: 'not_accepted', reason: 'civil_dispute' } })),
  escalated: then(withShop, async (id) => {
    world.deps.clock.advance(46 * MINUTE) // the shop's 45 minutes ran out
    await step(id, 'escalate', '商家45分钟未响应')
  }),
  offer_refused: then(answered, (id) => shopper(id, 'refuseOffer', '退款金额不足')),
  mediation_ended: then(mediating, (id) => step(id, 'endMediation', '双方无法达成一致')),
  reopened: then(closed, async (id) => {
    await shopper(id, 'rate', '', {
      details: { kind: 'rating', speed: 2, professionalism: 2, attitude: 2, satisfied: false, comment: '退款未到账' },
    })
    await step(id, 'reopen', '回访不满意')
  }),
}

const clocksOf = async (caseId: string) => world.store.listClocksOfCase(caseId)
const eventsOf = (caseId: string): Promise<CaseEvent[]> => world.store.listEvents(caseId)
const noRecipe = (id: string) =>
  new Error(
    `clock rule "${id}" has no journey recipe in tests/functions/clock-coverage.test.ts: add one that starts it and one that stops it`,
  )

/**
 * Clocks no event starts or stops: the monthly draw starts callback_sample for each sampled case and
 * recording its call-back (or that nobody answered three times) stops it — tests/functions/callbacks.test.ts.
 */
const NOT_BY_EVENTS: readonly ClockId[] = ['callback_sample']

describe('every clock is started and stopped by a real action', () => {
  it('when a clock is left out of the journeys below, then its rule names no event that could start or stop it', () => {
    expect(NOT_BY_EVENTS.map((id) => [...DEFAULT_CLOCK_RULES[id].startOn, ...DEFAULT_CLOCK_RULES[id].stopOn])).toEqual(
      NOT_BY_EVENTS.map(() => []),
    )
  })

  describe.each(CLOCK_IDS.filter((id) => !NOT_BY_EVENTS.includes(id)).map((id) => [id]))('%s', (id) => {
    const rule = DEFAULT_CLOCK_RULES[id]
    it(`when a journey reaches one of its start events (${rule.startOn.join(', ')}), then the clock runs`, async () => {
      const recipe = RECIPES[id]
      if (!recipe) throw noRecipe(id)
      const caseId = await run(recipe.start)
      const clock = (await clocksOf(caseId)).find((k) => k.clockId === id)
      expect(clock).toBeDefined()
      expect(clock!.stage).not.toBe('stopped')
      expect((await eventsOf(caseId)).some((e) => rule.startOn.includes(e.type))).toBe(true)
    })
    it(`when a journey reaches one of its stop events (${rule.stopOn.join(', ')}), then that event stopped the clock`, async () => {
      const recipe = RECIPES[id]
      if (!recipe) throw noRecipe(id)
      const caseId = await run(recipe.stop)
      const clock = (await clocksOf(caseId)).find((k) => k.clockId === id)
      expect(clock).toMatchObject({ stage: 'stopped' })
      const stoppedBy = (await eventsOf(caseId)).filter((e) => rule.stopOn.includes(e.type) && e.at === clock!.stoppedAt)
      expect(stoppedBy.map((e) => e.type)).toHaveLength(1)
    })
  })

  it('when the table names an event, then some journey through the handlers emits it', async () => {
    const named = [...new Set(Object.values(DEFAULT_CLOCK_RULES).flatMap((r) => [...r.startOn, ...r.stopOn]))]
    const journeys = [...Object.values(RECIPES).flatMap((r) => [r.start, r.stop]), ...Object.values(EMITTERS)]
    const seen = new Set<string>()
    for (const j of journeys) for (const e of await eventsOf(await run(j))) seen.add(e.type)
    const silent = named.filter((type) => !seen.has(type))
    const rulesNaming = (type: string) =>
      Object.values(DEFAULT_CLOCK_RULES)
        .filter((r) => r.startOn.includes(type) || r.stopOn.includes(type))
        .map((r) => r.id)
    expect(silent.map((type) => `${type} (named by ${rulesNaming(type).join(', ')})`)).toEqual([])
  })
})
