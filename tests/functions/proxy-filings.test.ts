import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import type { PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import { aSubmission, unique } from '../support/builders'
import { callAs } from '../support/call-as'
import { SHOP_A, SITE_A, seedTwoShops } from '../support/seed-shops'
import { makeDeps, openTestStore } from '../support/test-deps'

// A proxy helper lands on the filing page with their own recent filings (issue 16 item 1): the
// list holds only what this staff account filed, as summaries with no name or phone in them.
describe('a proxy helper’s recent filings', () => {
  let store: Store & StoreInspection
  let deps: ReturnType<typeof makeDeps>
  const who: Record<string, PlatformIdentity> = {}

  beforeAll(async () => {
    store = await openTestStore()
    deps = makeDeps(store)
    await seedTwoShops(store)
    const passwordHash = await deps.secrets.hashPassword('helper-pass')
    for (const id of ['helper-1', 'helper-2']) {
      await store.saveStaff({
        id,
        username: id,
        displayName: id,
        role: 'proxy',
        siteId: SITE_A.id,
        passwordHash,
        createdAt: '2026-03-10T02:00:00.000Z',
      })
      const login = await loginStaff(deps, id, 'helper-pass')
      if (!login.ok) throw new Error(login.error.code)
      who[id] = { subject: `${id}-desk`, staffSessionToken: login.data.token }
    }
  })
  afterAll(() => store.close())

  const fileFor = (helper: string, name: string) =>
    callAs(
      deps,
      'proxy',
      {
        ...aSubmission(SHOP_A.code, { name, phone: '13700001234', idempotencyKey: unique('px').padEnd(16, '0') }),
        action: 'fileComplaint',
        attestation: true,
      },
      who[helper],
    )

  it('when two helpers file, then each lists only their own filings, newest first, with no personal data', async () => {
    const first = await fileFor('helper-1', '刘奶奶')
    deps.clock.set(new Date(deps.clock.now().getTime() + 60_000)) // a minute later: newest first is decidable
    const second = await fileFor('helper-1', '陈爷爷')
    const theirs = await fileFor('helper-2', '王阿姨')
    expect([first.ok, second.ok, theirs.ok]).toEqual([true, true, true])

    const mine = await callAs(deps, 'proxy', { action: 'listMyFilings' }, who['helper-1'])
    expect(mine.ok).toBe(true)
    if (!mine.ok) return
    expect(mine.data.items.map((c: { caseNo: string }) => c.caseNo)).toEqual([second, first].map((r) => r.ok && r.data.caseNo))
    expect(JSON.stringify(mine.data)).not.toMatch(/刘奶奶|陈爷爷|13700001234/)
    const other = await callAs(deps, 'proxy', { action: 'listMyFilings' }, who['helper-2'])
    expect(other).toMatchObject({ ok: true, data: { items: [{ caseNo: theirs.ok && theirs.data.caseNo }] } })
  })

  it('when a shopper’s device asks for the list, then it is refused', async () => {
    expect(await callAs(deps, 'proxy', { action: 'listMyFilings' }, { subject: 'a-shopper' })).toMatchObject({
      ok: false,
      error: { code: expect.stringMatching(/UNAUTHENTICATED|FORBIDDEN/) },
    })
  })
})
