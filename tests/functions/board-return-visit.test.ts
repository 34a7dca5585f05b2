import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import { callAs } from '../support/call-as'
import { openWorkflowWorld } from '../support/workflow-world'

// After 办结 the station still owes the return visit: the case stays on the default 未结 board until
// the visit is done (issue 16 item 10), under the board's filters, and then leaves it. So does a case
// handed over outside the system until its receipt is recorded (issue 17).
describe('the open board and what is still owed after the end', () => {
  let store: Store & StoreInspection
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>

  beforeAll(async () => {
    world = await openWorkflowWorld()
    store = world.store
  })
  afterAll(() => store.close())

  const board = async (filter: object = {}) => {
    const r = await callAs(world.deps, 'station', { action: 'listCases', ...filter }, world.who['st-a'])
    if (!r.ok) throw new Error(r.error.code)
    return r.data.items as { id: string; status: string; nextDue: { clockId: string } | null }[]
  }

  it('when a case is closed, then it stays on the 未结 board with its return-visit clock until the visit is done', async () => {
    const { act, who } = world
    const caseId = await world.file('visit-1')
    await act('station', caseId, 'accept', who['st-a'])
    if ((await store.getCase(caseId))?.status === 'accepted') await act('station', caseId, 'dispatch', who['st-a'])
    expect(await act('merchant', caseId, 'answer', who.clerkA)).toMatchObject({ ok: true })
    expect(await act('consumer', caseId, 'acceptOffer', { subject: 'visit-1' })).toMatchObject({ ok: true })
    expect(await act('station', caseId, 'close', who['st-a'])).toMatchObject({ ok: true, data: { status: 'closed' } })

    const open = await board()
    expect(open.find((c) => c.id === caseId)).toMatchObject({ status: 'closed', nextDue: { clockId: 'return_visit' } })
    expect((await board({ status: 'closed' })).map((c) => c.id)).toContain(caseId)
    expect((await board({ status: 'accepted' })).map((c) => c.id)).not.toContain(caseId) // other filters still apply
    expect((await board({ kind: 'report' })).map((c) => c.id)).not.toContain(caseId)

    expect(await act('station', caseId, 'returnVisit', who['st-a2'])).toMatchObject({ ok: true })
    expect((await board()).map((c) => c.id)).not.toContain(caseId)
    expect((await board({ scope: 'all' })).map((c) => c.id)).toContain(caseId)
  })

  it('when a case is handed over to another department, then it stays on the 未结 board until the receipt is recorded', async () => {
    const { act, who } = world
    const caseId = await world.file('handover-1')
    const details = { details: { kind: 'transfer', destination: 'department', toSiteId: '', toName: '区人力资源和社会保障局' } }
    expect(await act('station', caseId, 'transfer', who['st-a'], '属于劳动关系争议', details)).toMatchObject({
      ok: true,
      data: { status: 'transferred' },
    })

    expect((await board()).find((c) => c.id === caseId)).toMatchObject({
      status: 'transferred',
      nextDue: { clockId: 'handover_department' },
    })
    expect((await board({ status: 'closed' })).map((c) => c.id)).not.toContain(caseId)

    expect(await act('station', caseId, 'confirmTransfer', who['st-a'], '回执编号 HZ-0311')).toMatchObject({ ok: true })
    expect((await board()).map((c) => c.id)).not.toContain(caseId)
    expect((await board({ scope: 'all' })).map((c) => c.id)).toContain(caseId)
  })
})
