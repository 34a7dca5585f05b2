import { NOT_ACCEPTED_REASONS, type NotAcceptedReason } from '../../src/domain/workflow/not-accepted'
import { eventWords } from '../../src/domain/workflow/event-wording'
import { callAs, type Data } from '../support/call-as'
import { openWorkflowWorld } from '../support/workflow-world'

// 不予受理 with grounds (issue 17.7, docs/domain.md "Not accepted: the grounds"): the station picks
// the ground from the training material's list and writes the specifics; the complainant reads the
// ground in plain Chinese and where to go instead.
const ground = (reason: string) => ({ details: { kind: 'not_accepted', reason } })

/** Where the complainant is sent, per ground: the words they must find on their own case page. */
const WHERE_INSTEAD: Record<NotAcceptedReason, string[]> = {
  civil_dispute: ['人民调解委员会', '人民法院'],
  in_proceedings: ['人民法院', '仲裁机构'],
  time_limit: ['三年', '人民法院'],
  not_consumer: ['12345'],
  labour: ['劳动保障监察', '劳动仲裁'],
  intellectual_property: ['知识产权局'],
}

describe('不予受理 with its ground', () => {
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  beforeAll(async () => {
    world = await openWorkflowWorld()
  })
  afterAll(() => world.store.close())

  it.each(NOT_ACCEPTED_REASONS.map((r) => [r]))(
    'when the station refuses on the ground %s, then the complainant reads why in plain Chinese and where to go instead',
    async (reason) => {
      const shopper = `shopper-na-${reason}`
      const caseId = await world.file(shopper)
      const r = await world.act('station', caseId, 'reject', world.who['st-a'], '经核实，情况如下', ground(reason))
      expect(r).toMatchObject({ ok: true, data: { status: 'not_accepted' } })
      const mine = await callAs(world.deps, 'consumer', { action: 'getMyCase', caseId }, { subject: shopper })
      if (!mine.ok) throw new Error(mine.error.code)
      const rejected = mine.data.timeline.find((e: Data) => e.type === 'rejected')
      expect(rejected).toMatchObject({ note: '经核实，情况如下', details: { kind: 'not_accepted', reason } })
      for (const words of WHERE_INSTEAD[reason]) expect(rejected?.detailText).toContain(words)
      expect(rejected?.detailText).toMatch(/^不予受理的理由：/)
      expect(eventWords({ type: 'rejected', actorRole: 'station', details: rejected!.details })).toMatch(/^不予受理：/)
      // the 24-hour answer and the 7-day decision are kept by the refusal
      const clocks = await world.store.listClocksOfCase(caseId)
      expect(clocks.find((k) => k.clockId === 'first_answer')).toMatchObject({ stage: 'stopped' })
    },
  )

  it.each([
    ['no ground at all', { details: null }, '依法不予受理'],
    ['a ground not on the list', ground('bored'), '依法不予受理'],
    ['a ground but no words of the station’s own', ground('labour'), ''],
  ])('when the station sends %s, then the refusal is not recorded', async (_what, extra, reasonText) => {
    const caseId = await world.file(`shopper-na-deny-${reasonText.length}-${Object.keys(extra).length}-${_what.length}`)
    const r = await world.act('station', caseId, 'reject', world.who['st-a'], reasonText, extra)
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect(await world.store.getCase(caseId)).toMatchObject({ status: 'received', version: 1 })
  })

  it('when a shop or the shopper tries to refuse the case, then it is not theirs to refuse', async () => {
    const caseId = await world.file('shopper-na-roles')
    expect(await world.act('merchant', caseId, 'reject', world.who.clerkA, '不是我们的事', ground('civil_dispute'))).toMatchObject({
      ok: false,
    })
    expect(await world.act('consumer', caseId, 'reject', { subject: 'shopper-na-roles' }, '算了', ground('civil_dispute'))).toMatchObject({
      ok: false,
    })
    expect(await world.store.getCase(caseId)).toMatchObject({ status: 'received' })
  })
})
