import { sql } from 'kysely'
import { sqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import type { Store } from '../../cloudfunctions/ports/store'
import type { PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import { tick } from '../../cloudfunctions/services/tick'
import { aSubmission, unique } from '../support/builders'
import { callAs } from '../support/call-as'
import { SHOP_A, SITE_A, seedTwoShops } from '../support/seed-shops'
import { makeDeps, TEST_VAULT } from '../support/test-deps'
import { breakWrites, countOf, healWrites, installFaultSwitch, openRawSqlDb, type RawSqlDb } from '../support/fault-switch-db'

const T0 = new Date('2026-03-10T06:00:00Z')
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000)

/** The suite's store with its Kysely handle, on PGlite (npm test) or a PostgreSQL server (npm run test:store:pg). */
async function openRawStore(): Promise<RawSqlDb & { store: Store }> {
  const raw = await openRawSqlDb('ks_atomic')
  return { ...raw, store: sqlStore(raw.db, TEST_VAULT) }
}

// A write that fails half-way — the database refuses the last row of a transaction — must leave
// nothing behind: no case without its event, no event without its outbox row, no clock moved on
// without its alert. And the next write on the same connection works (PGlite has only one).
describe('a write that fails half-way', () => {
  let raw: Awaited<ReturnType<typeof openRawStore>>
  let deps: ReturnType<typeof makeDeps>
  let station: PlatformIdentity

  /** The database itself raises on inserts into `table` until `heal()`: a real mid-transaction failure. */
  const breakInsertsInto = async (table: 'outbox' | 'case_clocks') => {
    await breakWrites(raw.db, table)
  }
  const heal = () => healWrites(raw.db)
  const count = (query: ReturnType<typeof sql<{ n: number }>>) => countOf(raw.db, query)
  const rowsOf = async (caseId: string) => ({
    events: await count(sql`select count(*) as n from case_events where case_id = ${caseId}`),
    outbox: await count(sql`select count(*) as n from outbox where case_id = ${caseId}`),
    clocks: await count(sql`select count(*) as n from case_clocks where case_id = ${caseId}`),
  })

  beforeAll(async () => {
    raw = await openRawStore()
    deps = makeDeps(raw.store, T0)
    await seedTwoShops(raw.store)
    await raw.store.saveStaff({
      id: 'st',
      username: 'st',
      displayName: '站',
      role: 'station',
      siteId: SITE_A.id,
      passwordHash: await deps.secrets.hashPassword('pw-123456'),
      createdAt: T0.toISOString(),
    })
    const login = await loginStaff(deps, 'st', 'pw-123456')
    if (!login.ok) throw new Error(login.error.code)
    station = { subject: 'desk', staffSessionToken: login.data.token }
    await installFaultSwitch(raw.db, ['outbox', 'case_clocks'], 'insert or update')
  })
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => {})) // the dispatcher logs the injected fault
  afterEach(async () => {
    jest.restoreAllMocks()
    await heal()
  })
  afterAll(() => raw.close())

  it('when the outbox row of a new complaint cannot be written, then neither the case nor its event nor its clocks exist, and the same submission then succeeds once', async () => {
    deps.clock.set(T0)
    const shopper = unique('shopper')
    const submission = aSubmission(SHOP_A.code, { idempotencyKey: unique('atomic').padEnd(16, '0') })
    const casesBefore = await count(sql`select count(*) as n from cases`)
    await breakInsertsInto('outbox')
    const failed = await callAs(deps, 'consumer', submission, { subject: shopper })
    expect(failed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(await count(sql`select count(*) as n from cases`)).toBe(casesBefore)
    expect(await raw.store.findCaseByIdempotencyKey(shopper, submission.idempotencyKey)).toBeNull()

    await heal()
    const retried = await callAs(deps, 'consumer', submission, { subject: shopper })
    if (!retried.ok) throw new Error(retried.error.code)
    expect(await count(sql`select count(*) as n from cases`)).toBe(casesBefore + 1)
    expect(await rowsOf(retried.data.caseId)).toMatchObject({ events: 1, outbox: 1 })
  })

  it('when the clocks of a station step cannot be written, then the case keeps its status and version with no new event or outbox row, and the step then succeeds', async () => {
    deps.clock.set(T0)
    const filed = await callAs(deps, 'consumer', aSubmission(SHOP_A.code, { idempotencyKey: unique('atomic').padEnd(16, '0') }), {
      subject: unique('shopper'),
    })
    if (!filed.ok) throw new Error(filed.error.code)
    const caseId = filed.data.caseId as string
    const before = { case: await raw.store.getCase(caseId), rows: await rowsOf(caseId) }

    await breakInsertsInto('case_clocks')
    const failed = await callAs(deps, 'station', { action: 'actOnCase', caseId, caseAction: 'accept' }, station)
    expect(failed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(await raw.store.getCase(caseId)).toEqual(before.case)
    expect(await rowsOf(caseId)).toEqual(before.rows)

    await heal()
    const accepted = await callAs(deps, 'station', { action: 'actOnCase', caseId, caseAction: 'accept' }, station)
    expect(accepted.ok).toBe(true)
    expect((await raw.store.getCase(caseId))?.version).toBe((before.case?.version ?? 0) + 1)
    expect((await rowsOf(caseId)).events).toBe(before.rows.events + 1)
  })

  it("when a clock's alert cannot be queued, then the clock does not move on, and the next tick sends that alert once", async () => {
    deps.clock.set(T0)
    const filed = await callAs(deps, 'consumer', aSubmission(SHOP_A.code, { idempotencyKey: unique('atomic').padEnd(16, '0') }), {
      subject: unique('shopper'),
    })
    if (!filed.ok) throw new Error(filed.error.code)
    const caseId = filed.data.caseId as string
    for (const caseAction of ['accept', 'dispatch']) await callAs(deps, 'station', { action: 'actOnCase', caseId, caseAction }, station)
    const stageOf = async () => (await raw.store.listClocksOfCase(caseId)).find((c) => c.clockId === 'merchant_response')?.stage
    const reminders = () =>
      count(sql`select count(*) as n from outbox where case_id = ${caseId} and template = 'clock.merchant_response.reminded'`)

    await breakInsertsInto('outbox')
    await expect(tick(deps, minutes(25))).rejects.toThrow(/injected fault on outbox/)
    expect(await stageOf()).toBe('running')
    expect(await reminders()).toBe(0)

    await heal()
    await tick(deps, minutes(25))
    await tick(deps, minutes(26))
    expect(await stageOf()).toBe('reminded')
    expect(await reminders()).toBe(1)
  })
})
