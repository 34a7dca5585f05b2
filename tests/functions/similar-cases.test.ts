import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import { callAs } from '../support/call-as'
import { unique } from '../support/builders'
import { openWorkflowWorld } from '../support/workflow-world'
import { TEST_VAULT } from '../support/test-deps'

// 案例推荐 through the station function (docs/bursts-and-similar-cases.md): the 3 closed cases of the
// site most like the one open, with how each was settled — and no complainant's data, no free text.
const PAST = [
  {
    name: '钱多多',
    phone: '137 1111 0001',
    address: '星河社区1栋101',
    description: '汤里有一只苍蝇，要求商家退款',
    problemType: '食品安全',
  },
  {
    name: '李秋菊',
    phone: '137 1111 0002',
    address: '星河社区2栋202',
    description: '米饭里吃出虫子，要求退款道歉',
    problemType: '食品安全',
  },
  {
    name: '何志强',
    phone: '137 1111 0003',
    address: '星河社区3栋303',
    description: '菜里有头发，服务员的态度很差',
    problemType: '食品安全',
  },
  { name: '吴春燕', phone: '137 1111 0004', address: '星河社区4栋404', description: '结账时多收了二十元钱，不肯退', problemType: '价格' },
] as const
const secrets = PAST.flatMap((p) => [p.name, p.phone, p.phone.replace(/\s/g, ''), p.address, p.description])

describe('similar past cases for staff', () => {
  let store: Store & StoreInspection
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  let open = ''
  const closed: string[] = []
  const station = (as: string, event: Record<string, unknown>) => callAs(world.deps, 'station', event, world.who[as])

  beforeAll(async () => {
    world = await openWorkflowWorld()
    store = world.store
    for (const p of PAST) {
      const shopper = unique('shopper')
      const id = await world.file(shopper, p)
      for (const step of ['accept', 'dispatch'] as const) await world.act('station', id, step, world.who['st-a'])
      await world.act('merchant', id, 'answer', world.who.clerkA)
      await world.act('consumer', id, 'acceptOffer', { subject: shopper })
      expect(await world.act('station', id, 'close', world.who['st-a'])).toMatchObject({ ok: true })
      closed.push(id)
    }
    open = await world.file(unique('shopper'), { name: '郑新', phone: '137 1111 0009', description: '汤里有苍蝇，要求退款并向我道歉' })
  })
  afterAll(() => store.close())

  it('when staff of the site open a case, then the 3 most similar closed cases come with how they were settled', async () => {
    const r = await station('st-a', { action: 'similarCases', caseId: open })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.data.cases).toHaveLength(3)
    expect(r.data.cases[0].caseId).toBe(closed[0]) // the same words and problem type first
    expect(r.data.cases.map((c: { caseId: string }) => c.caseId)).not.toContain(closed[3]) // a price complaint is the least alike
    expect(r.data.cases[0]).toMatchObject({ outcome: 'settled', outcomeLabel: '双方自行和解', problemType: '食品安全', sameMerchant: true })
    expect(r.data.cases[0].remedy).not.toBeNull()
    expect(r.data.scanned).toBeLessThanOrEqual(200)
  })

  it('when the answer is scanned, then no complainant name, phone, address or description of any case is in it', async () => {
    const r = await station('st-a', { action: 'similarCases', caseId: open })
    const text = JSON.stringify(r)
    for (const s of [...secrets, '郑新', '137 1111 0009', '13711110009']) expect(text).not.toContain(s)
  })

  it('when the cases are scored, then none of their sealed personal data is decrypted: only the open case is read whole', async () => {
    const opened = jest.spyOn(TEST_VAULT, 'open')
    try {
      const r = await station('st-a', { action: 'similarCases', caseId: open })
      expect(r.ok && r.data.scanned).toBe(PAST.length + 1)
      // the open case's complainant and query code (the page shows that case anyway); not one of the scored ones
      expect(opened.mock.calls.length).toBeLessThanOrEqual(2)
    } finally {
      opened.mockRestore()
    }
  })

  it("when another site's clerk asks, then the case is not found; a shop clerk is refused", async () => {
    expect(await station('st-b', { action: 'similarCases', caseId: open })).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } })
    expect(await station('st-b', { action: 'similarCases', caseId: 'no-such-case' })).toMatchObject({
      ok: false,
      error: { code: 'CASE_NOT_FOUND' },
    })
    const clerk = await callAs(world.deps, 'station', { action: 'similarCases', caseId: open }, world.who.clerkA)
    expect(clerk.ok).toBe(false)
  })
})
