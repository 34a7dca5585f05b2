import { sql } from 'kysely'
import { sqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import { tick } from '../../cloudfunctions/services/tick'
import { unique } from '../support/builders'
import { callAs } from '../support/call-as'
import { SITE_A } from '../support/seed-shops'
import { TEST_VAULT } from '../support/test-deps'
import { breakWrites, countOf, healWrites, installFaultSwitch, openRawSqlDb, type RawSqlDb } from '../support/fault-switch-db'
import { openWorkflowWorld } from '../support/workflow-world'

const NOV = new Date('2026-11-10T06:00:00Z') // a working Tuesday in November
const FIRST_OF_DEC = new Date('2026-11-30T16:05:00Z') // 1 December 00:05 Beijing
const notKept = { knowsResult: true, promiseKept: false, satisfied: false, improve: '希望退款更快', unresolved: '' }

// 回访抽查 completion (docs/callbacks.md): the case's return visit (event, case version, outbox) and the sample's
// answers are one transaction. The database itself refuses the sample's update — the last write of the step —
// and nothing may remain: no return visit on the timeline without its answers on the sample. Like
// failed-write-atomicity.test.ts, the fault is a trigger in the real database, switched on and off.
describe('a call-back completion that fails half-way', () => {
  let raw: RawSqlDb
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  let caseId = ''

  const breakSampleWrites = () => breakWrites(raw.db, 'callback_samples')
  const heal = () => healWrites(raw.db)
  const count = (query: ReturnType<typeof sql<{ n: number }>>) => countOf(raw.db, query)
  const written = async () => ({
    case: await world.store.getCase(caseId),
    events: await count(sql`select count(*) as n from case_events where case_id = ${caseId}`),
    outbox: await count(sql`select count(*) as n from outbox where case_id = ${caseId}`),
    item: (await world.store.getCallbackSample(SITE_A.id, '2026-11'))?.items.find((i) => i.caseId === caseId),
    clock: (await world.store.listClocksOfCase(caseId)).find((k) => k.clockId === 'callback_sample')?.stage,
  })
  const complete = () => callAs(world.deps, 'station', { action: 'callbackComplete', caseId, answers: notKept }, world.who['st-a2'])

  beforeAll(async () => {
    raw = await openRawSqlDb('ks_callback_atomic')
    world = await openWorkflowWorld(NOV, sqlStore(raw.db, TEST_VAULT))
    const shopper = unique('shopper')
    caseId = await world.file(shopper)
    for (const step of ['accept', 'dispatch'] as const) await world.act('station', caseId, step, world.who['st-a'])
    await world.act('merchant', caseId, 'answer', world.who.clerkA)
    await world.act('consumer', caseId, 'acceptOffer', { subject: shopper })
    expect(await world.act('station', caseId, 'close', world.who['st-a'])).toMatchObject({ ok: true })
    world.deps.clock.set(FIRST_OF_DEC)
    await tick(world.deps, FIRST_OF_DEC) // draws November: one closed case, so it is the sample
    const login = await loginStaff(world.deps, 'st-a2', 'pw-123456') // November's desk sessions have expired
    if (!login.ok) throw new Error(login.error.code)
    world.who['st-a2'] = { subject: 'st-a2-desk', staffSessionToken: login.data.token }

    await installFaultSwitch(raw.db, ['callback_samples'], 'update')
  })
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => {})) // the function logs the injected fault
  afterEach(() => jest.restoreAllMocks())
  afterAll(() => raw.close())

  it('when the sample cannot be written after the return visit, then neither is stored; once healed, the completion is written once with its event', async () => {
    const before = await written()
    expect(before.item).toMatchObject({ status: 'pending', eventId: null })
    expect(before.clock).toBe('running')

    await breakSampleWrites()
    expect(await complete()).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(await written()).toEqual(before) // no return visit, no outbox row, no new case version, the item still pending

    await heal()
    const done = await complete()
    expect(done).toMatchObject({ ok: true, data: { wantsReopen: true, canReopen: true } })
    const after = await written()
    expect(after.events).toBe(before.events + 1)
    expect(after.case?.version).toBe((before.case?.version ?? 0) + 1)
    expect(after.clock).toBe('stopped')
    const visit = (await world.store.listEvents(caseId)).at(-1)
    expect(visit?.type).toBe('return_visited')
    expect(after.item).toMatchObject({ status: 'completed', eventId: visit?.id, doneBy: 'st-a2' })
  })
})
