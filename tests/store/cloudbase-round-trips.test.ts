import { cloudbaseStore } from '../../cloudfunctions/adapters/cloudbase-db/cloudbase-store'
import type { Store } from '../../cloudfunctions/ports/store'
import type { Deps } from '../../cloudfunctions/services/context'
import { aSubmission } from '../support/builders'
import { callAs } from '../support/call-as'
import { startCloudbaseTestApp, type CloudbaseTestApp } from '../support/cloudbase-test-app'
import { SHOP_A, seedTwoShops } from '../support/seed-shops'
import { makeDeps, TEST_VAULT } from '../support/test-deps'

// On the document database every store call is an HTTPS request, so the number of requests a filing
// sends is its cost (the SQL store's statement count is asserted in tests/functions/submit-round-trips).
// Counted at the loopback, per action, the way CloudBase would bill and queue them. Also the rush:
// the day's case number is one document every filing writes, so concurrent filings conflict and
// retry (transact.ts); they must all land, numbered without a gap.
describe('CloudBase document store — a filing’s requests and a rush hour', () => {
  let t: CloudbaseTestApp
  let store: Store
  let deps: Deps
  beforeAll(async () => {
    t = await startCloudbaseTestApp()
    store = cloudbaseStore(t.db, TEST_VAULT)
    deps = makeDeps(store)
    await seedTwoShops(store)
  })
  afterAll(() => t.close())

  const submit = (subject: string, key: string) =>
    callAs(deps, 'consumer', aSubmission(SHOP_A.code, { idempotencyKey: key.padEnd(16, '0') }), { subject })
  const total = () => [...t.loopback.db.calls.values()].reduce((a, b) => a + b, 0)
  const requestsOf = async (op: () => Promise<unknown>) => {
    const before = total()
    await op()
    return total() - before
  }

  it('when a shopper files (shop and site cached), then it costs one transaction of single-document requests and nothing more', async () => {
    await submit('s-warm', 'warm-up-draft') // the directory cache has seen the shop
    const before = new Map(t.loopback.db.calls)
    const requests = await requestsOf(() => submit('s-count', 'counted-draft'))
    const delta = (action: string) => (t.loopback.db.calls.get(action) ?? 0) - (before.get(action) ?? 0)
    expect({ start: delta('database.startTransaction'), commit: delta('database.commitTransaction') }).toEqual({ start: 1, commit: 1 })
    // resolveCaller's membership read, then in the transaction: guard, counter (read, write), case,
    // first event, five clocks (24-hour answer, 7-day decision, 20-hour send-back, 1-hour initial
    // review, and the 2-hour case number, recorded as met at filing), outbox row, the statistics'
    // pending mark (stats_pending/<case>, docs/metrics.md "Storage"), commit: 16. The burst check runs
    // after the next tick (services/bursts/burst-pass.ts), not here (it cost four reads after the commit).
    // Each clock is its own document: one document per case would make every clock step rewrite the
    // others. npm run bench prints the count beside PGlite's.
    expect(requests).toBeLessThanOrEqual(16)
  })

  it('when the same draft is retried, then the retry writes nothing and gets the first receipt', async () => {
    const first = await submit('s-retry', 'retried-draft')
    const inserts = t.loopback.db.calls.get('database.insertDocument') ?? 0
    expect(await submit('s-retry', 'retried-draft')).toEqual(first)
    expect(t.loopback.db.calls.get('database.insertDocument') ?? 0).toBe(inserts)
  })

  it('when 50 shoppers file at once, then all 50 are filed with distinct, consecutive case numbers', async () => {
    const all = await Promise.all(Array.from({ length: 50 }, (_, i) => submit(`s-rush-${i}`, `rush-hour-${i}`)))
    const sequences = all.map((r) => (r.ok ? Number(String(r.data.caseNo).split('-')[2]) : r.error.code))
    const sorted = [...sequences].map(Number).sort((a, b) => a - b)
    expect(sorted).toEqual(Array.from({ length: 50 }, (_, i) => sorted[0] + i))
  })

  it('when 20 identical submissions arrive at once, then there is one case and every one gets its receipt', async () => {
    const all = await Promise.all(Array.from({ length: 20 }, () => submit('s-twenty', 'twenty-at-once')))
    expect(new Set(all.map((r) => (r.ok ? r.data.caseNo : r.error.code))).size).toBe(1)
    expect(await store.listCasesFiledBy('s-twenty', { limit: 5, offset: 0 })).toHaveLength(1)
  })
})
