import fc from 'fast-check'
import { sql, type Kysely } from 'kysely'
import { kyselyOverPglite, openPglite } from '../../cloudfunctions/adapters/sql/connect'
import type { Database } from '../../cloudfunctions/adapters/sql/database'
import { sqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import type { Store } from '../../cloudfunctions/ports/store'
import { CASE_STATUSES, type Case } from '../../src/domain/case.schema'
import type { CaseClock } from '../../src/domain/clocks/case-clock'
import type { MerchantCaseCounts } from '../../src/domain/merchant/merchant-record'
import { OPEN_STATUSES } from '../../src/domain/workflow/transitions'
import { aCase, aMerchant, aSite, aSubmittedEvent, unique } from '../support/builders'
import { TEST_VAULT } from '../support/test-deps'
import { pgliteTemplate } from '../support/pglite-template'

// Issue 13.4: a shop's record is kept as counters in the transaction of each change. After any
// sequence of filings, steps and ticks, the counters must equal what the old aggregate over every
// case of the shop counted (the query below is the one countMerchantCases ran before), once the tick
// has marked each response clock that ran out.
const NOW = '2026-03-10T06:00:00.000Z'
const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString()

async function oldAggregate(db: Kysely<Database>, merchantId: string, now: string): Promise<MerchantCaseCounts> {
  const n = (v: unknown) => Number(v ?? 0)
  const cases = await db
    .selectFrom('cases')
    .where('merchant_id', '=', merchantId)
    .where('kind', '=', 'complaint')
    .select([
      sql`count(*)`.as('total'),
      sql`count(*) filter (where status in (${sql.join(OPEN_STATUSES)}))`.as('open'),
      sql`count(*) filter (where status = 'closed')`.as('closed'),
      sql`count(*) filter (where status = 'closed' and outcome = 'settled')`.as('settled'),
    ])
    .executeTakeFirstOrThrow()
  const clocks = await db
    .selectFrom('case_clocks')
    .where('clock_id', '=', 'merchant_response')
    .where('case_id', 'in', db.selectFrom('cases').select('id').where('merchant_id', '=', merchantId).where('kind', '=', 'complaint'))
    .select([
      sql`count(*)`.as('started'),
      sql`count(*) filter (where stopped_at is not null and stopped_at <= due_at)`.as('onTime'),
      sql`count(*) filter (where (stopped_at is not null and stopped_at > due_at) or (stopped_at is null and due_at <= ${new Date(now)}))`.as(
        'late',
      ),
    ])
    .executeTakeFirstOrThrow()
  return {
    total: n(cases.total),
    open: n(cases.open),
    closed: n(cases.closed),
    settled: n(cases.settled),
    responseStarted: n(clocks.started),
    responseOnTime: n(clocks.onTime),
    responseLate: n(clocks.late),
  }
}

const response = (c: Case, dueIn: number): CaseClock => ({
  caseId: c.id,
  clockId: 'merchant_response',
  startedAt: at(dueIn - 45),
  dueAt: at(dueIn),
  remindAt: at(dueIn - 22),
  urgeAt: at(dueIn - 9),
  explanation: '45分钟',
  provisional: false,
  stage: 'running',
  nextCheckAt: at(dueIn - 22),
  stoppedAt: null,
})

const Step = fc.oneof(
  fc.record({
    kind: fc.constant('file' as const),
    shop: fc.nat(1),
    report: fc.boolean(),
    status: fc.constantFrom(...OPEN_STATUSES),
    dueIn: fc.option(fc.integer({ min: -90, max: 90 })),
  }),
  fc.record({
    kind: fc.constant('change' as const),
    pick: fc.nat(),
    status: fc.constantFrom(...CASE_STATUSES),
    outcome: fc.constantFrom(null, 'settled', 'mediated'),
    clock: fc.oneof(
      fc.constant(null),
      fc.record({ restartDueIn: fc.integer({ min: -90, max: 90 }) }),
      fc.record({ stopAt: fc.integer({ min: -120, max: 0 }) }),
    ),
  }),
  fc.record({ kind: fc.constant('tick' as const), pick: fc.nat() }),
)

describe("a shop's counters", () => {
  let db: Kysely<Database>
  let store: Store
  beforeAll(async () => {
    db = kyselyOverPglite(await openPglite(pgliteTemplate()))
    store = sqlStore(db, TEST_VAULT)
  })
  afterAll(() => store.close())

  it('when cases are filed, changed and ticked in any order, then the counters equal the aggregate over every case', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(Step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const site = aSite()
        const shops = [aMerchant(site), aMerchant(site)]
        await store.saveSite(site)
        for (const m of shops) await store.saveMerchant(m)
        const cases: Case[] = []
        const clockOf = new Map<string, CaseClock>() // each case's response clock as last written
        const tickClock = async (k: CaseClock) => {
          if (k.stage === 'stopped' || k.stage === 'overdue' || k.dueAt > NOW) return
          if (await store.advanceClock({ ...k, stage: 'overdue', nextCheckAt: null }, k.stage, []))
            clockOf.set(k.caseId, { ...k, stage: 'overdue' })
        }
        for (const step of steps) {
          if (step.kind === 'file') {
            const c = aCase(shops[step.shop], { kind: step.report ? 'report' : 'complaint', status: step.status })
            const clocks = step.dueIn === null ? [] : [response(c, step.dueIn)]
            await store.createCase(c, aSubmittedEvent(c), [], { ids: [], uploadedBy: c.filedBy }, clocks)
            cases.push(c)
            if (clocks[0]) clockOf.set(c.id, clocks[0])
          } else if (cases.length > 0) {
            const c = cases[step.pick % cases.length]
            const k = clockOf.get(c.id)
            if (step.kind === 'tick') {
              if (k) await tickClock(k)
              continue
            }
            const stored = await store.getCase(c.id)
            if (!stored) throw new Error('the case is gone')
            let clocks: CaseClock[] = []
            if (step.clock && 'restartDueIn' in step.clock) clocks = [response(c, step.clock.restartDueIn)]
            else if (step.clock && k && k.stage !== 'stopped') {
              clocks = [{ ...k, stage: 'stopped', stoppedAt: at(step.clock.stopAt), nextCheckAt: null }]
            }
            await store.applyChange({
              caseId: c.id,
              expectedVersion: stored.version,
              next: { ...stored, status: step.status, outcome: step.outcome === null ? null : step.outcome, updatedAt: NOW },
              event: aSubmittedEvent(c, { id: unique('event'), seq: stored.version + 1, type: 'answered', at: NOW }),
              outbox: [],
              clocks,
            })
            if (clocks[0]) clockOf.set(c.id, clocks[0])
          }
        }
        // the tick catches up with every clock that ran out: then "late" means the same in both
        for (const k of [...clockOf.values()]) await tickClock(k)
        for (const m of shops) expect(await store.countMerchantCases(m.id)).toEqual(await oldAggregate(db, m.id, NOW))
      }),
      { numRuns: 40 },
    )
  })
})
