import type { Store } from '../../cloudfunctions/ports/store'
import type { Deps } from '../../cloudfunctions/services/context'
import { callAs } from '../support/call-as'
import type { Case } from '../../src/domain/case.schema'
import { aCase, anEvidence, aSubmission, aSubmittedEvent } from '../support/builders'
import { SHOP_A, SHOP_B, seedTwoShops } from '../support/seed-shops'
import { makeDeps, openTestStore } from '../support/test-deps'

// Case numbers are read out over the phone: a gap looks like a lost case. The number is drawn inside
// the case's own write, so retries that find their case already filed use up none (issue 12).
describe('case numbers without gaps', () => {
  let store: Store
  let deps: Deps
  beforeAll(async () => {
    store = await openTestStore()
    deps = makeDeps(store)
    await seedTwoShops(store)
  })
  afterAll(() => store.close())

  const submit = (subject: string, key: string, shop = SHOP_A.code) =>
    callAs(deps, 'consumer', aSubmission(shop, { idempotencyKey: key.padEnd(16, '0') }), { subject })
  const sequenceOf = (caseNo: string) => Number(caseNo.split('-')[2])
  const noEvidence = (c: Case) => ({ ids: [], uploadedBy: c.filedBy })

  it('when one submission is retried 20 times at once among 5 other submissions, then the 6 cases have consecutive numbers', async () => {
    const retries = Array.from({ length: 20 }, () => submit('s-retrying', 'retried-draft'))
    const others = Array.from({ length: 5 }, (_, i) => submit(`s-other-${i}`, `other-draft-${i}`, i % 2 ? SHOP_A.code : SHOP_B.code))
    const [retried, distinct] = await Promise.all([Promise.all(retries), Promise.all(others)])

    for (const r of [...retried, ...distinct]) if (!r.ok) throw new Error(r.error.code)
    const retriedNumbers = new Set(retried.map((r) => (r.ok ? r.data.caseNo : '')))
    expect(retriedNumbers.size).toBe(1) // every retry got the one receipt
    const numbers = [...retriedNumbers, ...distinct.map((r) => (r.ok ? r.data.caseNo : ''))].map(sequenceOf).sort((a, b) => a - b)
    const first = numbers[0]
    expect(numbers).toEqual([first, first + 1, first + 2, first + 3, first + 4, first + 5])

    // and the next filing takes the very next number
    const next = await submit('s-after', 'after-draft')
    expect(next.ok && sequenceOf(next.data.caseNo)).toBe(first + 6)
  })

  it('when a numbered write fails (a file it claims is not the filer’s) or finds its key used, then the counter does not move', async () => {
    const numbering = { counter: 'case-no:rollback-test', format: (n: number) => `RB-${n}` }
    const numberedCase = (c: Case) => {
      const { caseNo: _given, ...rest } = c
      return { ...rest, numbering }
    }
    const first = aCase(SHOP_A)
    expect((await store.createCase(numberedCase(first), aSubmittedEvent(first), [], noEvidence(first))).case.caseNo).toBe('RB-1')

    const theirs = anEvidence('s-someone-else')
    await store.saveEvidence(theirs)
    const claimsTheirs = aCase(SHOP_A)
    const claim = { ids: [theirs.id], uploadedBy: claimsTheirs.filedBy }
    await expect(store.createCase(numberedCase(claimsTheirs), aSubmittedEvent(claimsTheirs), [], claim)).rejects.toMatchObject({
      error: { code: 'EVIDENCE_NOT_FOUND' },
    })
    const retry = { ...aCase(SHOP_A), filedBy: first.filedBy, idempotencyKey: first.idempotencyKey }
    expect(await store.createCase(numberedCase(retry), aSubmittedEvent(retry), [], noEvidence(retry))).toMatchObject({
      created: false,
      case: { id: first.id, caseNo: 'RB-1' },
    })

    const next = aCase(SHOP_A)
    expect((await store.createCase(numberedCase(next), aSubmittedEvent(next), [], noEvidence(next))).case.caseNo).toBe('RB-2')
  })
})
