import sharp from 'sharp'
import { countRoundTrips } from '../../cloudfunctions/adapters/sql/query-counter'
import { FUNCTIONS } from '../../cloudfunctions/functions/all-functions'
import { dispatch } from '../../cloudfunctions/runtime/dispatch'
import { acceptEvidence } from '../../cloudfunctions/services/evidence/accept-evidence'
import { resolveCaller } from '../../cloudfunctions/services/resolve-caller'
import type { Store } from '../../cloudfunctions/ports/store'
import type { Deps } from '../../cloudfunctions/services/context'
import { callAs } from '../support/call-as'
import { aSubmission } from '../support/builders'
import { SHOP_A, seedTwoShops } from '../support/seed-shops'
import { makeDeps, openTestStore } from '../support/test-deps'

// A submit is the mall's rush hour: every round trip to the store is queued behind everyone else's
// (PGlite has one connection; the cloud store answers over HTTP). Counted, not timed (issue 13.1).
describe('submit in few round trips', () => {
  let store: Store
  let deps: Deps
  beforeAll(async () => {
    store = await openTestStore()
    deps = makeDeps(store)
    await seedTwoShops(store)
  })
  afterAll(() => store.close())

  const submit = (subject: string, key: string) =>
    callAs(deps, 'consumer', aSubmission(SHOP_A.code, { idempotencyKey: key.padEnd(16, '0') }), { subject })
  // the filing itself, as the consumer function runs it once the host knows who calls (resolveCaller
  // looks the caller's shop memberships up first: one more read per request, whatever it asks)
  const counted = async (subject: string, key: string) => {
    const caller = await resolveCaller(deps, { subject })
    const event = aSubmission(SHOP_A.code, { idempotencyKey: key.padEnd(16, '0') })
    return countRoundTrips(() => dispatch(FUNCTIONS.consumer, event, { caller, deps }))
  }

  // 4 for the filing itself and nothing more: the burst check runs after the next tick over the cases
  // filed since its watermark (services/bursts/burst-pass.ts), not on the receipt's path (it cost 4 reads here)
  it('when a shopper files (shop and site known to the host), then the store is asked at most 4 times', async () => {
    await submit('s-warm', 'warm-up-draft') // the host has seen the shop once
    const { result, trips } = await counted('s-count', 'counted-draft')
    expect(result.ok).toBe(true)
    if (trips.total > 4) console.log(trips.statements.join('\n'))
    expect(trips.total).toBeLessThanOrEqual(4)
  })

  it('when the same draft is retried, then the retry too stays within 4 round trips and gets the first receipt', async () => {
    const first = await submit('s-retry', 'retried-draft')
    const { result, trips } = await counted('s-retry', 'retried-draft')
    expect(result).toEqual(first)
    expect(trips.total).toBeLessThanOrEqual(4)
  })

  it('when a filing with a photo is retried, then the retry gets the first receipt (its photo is claimed by then)', async () => {
    const photo = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#3a3' } })
      .jpeg()
      .toBuffer()
    const caller = await resolveCaller(deps, { subject: 's-photo' })
    const uploaded = await acceptEvidence({ caller, deps }, { kind: 'photo', fileName: 'IMG_0002.jpg', bytes: photo })
    if (!uploaded.ok) throw new Error(uploaded.error.code)
    const draft = aSubmission(SHOP_A.code, { idempotencyKey: 'photo-draft'.padEnd(16, '0'), evidenceIds: [uploaded.data.id] })
    const first = await callAs(deps, 'consumer', draft, { subject: 's-photo' })
    expect(first.ok).toBe(true)
    expect(await callAs(deps, 'consumer', draft, { subject: 's-photo' })).toEqual(first)
  })

  it('when 50 shoppers file at once, then all 50 are filed with distinct, consecutive case numbers', async () => {
    const all = await Promise.all(Array.from({ length: 50 }, (_, i) => submit(`s-rush-${i}`, `rush-hour-${i}`)))
    const sequences = all.map((r) => (r.ok ? Number(r.data.caseNo.split('-')[2]) : r.error.code))
    const sorted = [...sequences].map(Number).sort((a, b) => a - b)
    expect(sorted).toEqual(Array.from({ length: 50 }, (_, i) => sorted[0] + i))
  })

  it('when 20 identical submissions arrive at once, then there is one case and every one gets its receipt', async () => {
    const all = await Promise.all(Array.from({ length: 20 }, () => submit('s-twenty', 'twenty-at-once')))
    const numbers = new Set(all.map((r) => (r.ok ? r.data.caseNo : r.error.code)))
    expect(numbers.size).toBe(1)
    expect(await store.listCasesFiledBy('s-twenty', { limit: 5, offset: 0 })).toHaveLength(1)
  })
})
