import { CONVERT_NOTE } from '../../src/domain/consult/consult-life'
import { findReply, replyTextOf } from '../../src/domain/consult/reply-library'
import { aSubmission, anEvidence, unique } from '../support/builders'
import { callAs, type Data } from '../support/call-as'
import { SHOP_A, SITE_A } from '../support/seed-shops'
import { openWorkflowWorld } from '../support/workflow-world'

// Issue 17 item 4: a consultation (咨询) is asked anonymously, answered by the station from the reply
// library (edited before sending), or turned into a complaint that the person confirms. Both journeys
// run through the consumer and station functions, as the app calls them.

type World = Awaited<ReturnType<typeof openWorkflowWorld>>
const key = () => unique('ask').padEnd(16, '0')

describe('consultation journeys', () => {
  let world: World
  const must = async (fn: 'consumer' | 'station' | 'merchant', event: object, who: { subject?: string }) => {
    const r = await callAs(world.deps, fn, event, who)
    if (!r.ok) throw new Error(`${fn} ${JSON.stringify(event)} → ${r.error.code}`)
    return r.data as Data
  }
  beforeAll(async () => {
    world = await openWorkflowWorld()
  })
  afterAll(() => world.store.close())

  it('when a shopper asks without a name or phone and the station answers from the library, then the shopper reads the edited answer and it is closed as answered', async () => {
    const shopper = { subject: unique('asker') }
    const receipt = await must(
      'consumer',
      { action: 'askConsultation', idempotencyKey: key(), merchantCode: SHOP_A.code, question: '网上买的衣服不合适，能七天无理由退货吗？' },
      shopper,
    )
    expect(receipt).toMatchObject({ consultNo: expect.stringMatching(/^ZX-\d{8}-\d{4}$/), status: 'received', siteName: SITE_A.name })
    expect(receipt.queryCode).toMatch(/^[2-9A-Z]{8}$/)

    const mine = await must('consumer', { action: 'listMyConsultations' }, shopper)
    expect(mine.items).toEqual([expect.objectContaining({ id: receipt.consultationId, kind: 'consultation', statusLabel: '待答复' })])

    const station = world.who['st-a']
    const board = await must('station', { action: 'listConsultations' }, station)
    expect(board.items.map((i: Data) => i.id)).toContain(receipt.consultationId)
    const seen = await must('station', { action: 'getConsultation', consultationId: receipt.consultationId }, station)
    expect(seen).toMatchObject({ question: expect.stringContaining('七天无理由'), contact: null, merchantName: SHOP_A.name })

    const entry = findReply('online-seven-day')!
    const edited = `您好！${replyTextOf(entry)}`
    const sent = await must(
      'station',
      { action: 'answerConsultation', consultationId: receipt.consultationId, text: edited, entryId: entry.id },
      station,
    )
    expect(sent).toMatchObject({ status: 'answered' })

    const read = await must('consumer', { action: 'getMyConsultation', consultationId: receipt.consultationId }, shopper)
    expect(read).toMatchObject({ status: 'answered', statusLabel: '已答复', reply: { text: edited, entryId: 'online-seven-day' } })
    expect(read.reply.text).toContain('《消费者权益保护法》第二十五条')
    expect(read.closedAt).toBe(read.reply.at)

    // closed: a second answer or a conversion is refused
    const again = await callAs(world.deps, 'station', { action: 'convertConsultation', consultationId: receipt.consultationId }, station)
    expect(again).toMatchObject({ ok: false, error: { code: 'CONSULTATION_CLOSED' } })
    // any device: number + query code, the contact masked
    const looked = await must(
      'consumer',
      { action: 'lookupConsultation', consultNo: receipt.consultNo.toLowerCase(), queryCode: receipt.queryCode },
      { subject: unique('other-phone') },
    )
    expect(looked.reply.text).toBe(edited)
    const wrong = await callAs(
      world.deps,
      'consumer',
      { action: 'lookupConsultation', consultNo: receipt.consultNo, queryCode: 'AAAAAAAA' },
      { subject: unique('guess') },
    )
    expect(wrong).toMatchObject({ ok: false, error: { code: 'LOOKUP_FAILED' } })
  })

  it('when the station turns a consultation into a complaint, then the shopper confirms the prefilled complaint and both records link to each other', async () => {
    const shopper = { subject: unique('converter') }
    const photo = anEvidence(shopper.subject!)
    await world.store.saveEvidence(photo)
    const question = '在店里买的电饭煲用了三天就坏了，店家说是我摔的，不给换'
    const receipt = await must(
      'consumer',
      {
        action: 'askConsultation',
        idempotencyKey: key(),
        merchantCode: SHOP_A.code,
        question,
        contactName: '王先生',
        contactPhone: '139 0000 1111',
        evidenceIds: [photo.id],
      },
      shopper,
    )
    const station = world.who['st-a']
    const staffView = await must('station', { action: 'getConsultation', consultationId: receipt.consultationId }, station)
    expect(staffView.contact).toEqual({ name: '王先生', phone: '13900001111' })
    expect(staffView.evidence.map((e: Data) => e.id)).toEqual([photo.id])

    expect(await must('station', { action: 'convertConsultation', consultationId: receipt.consultationId }, station)).toMatchObject({
      status: 'converted',
    })
    const converted = await must('consumer', { action: 'getMyConsultation', consultationId: receipt.consultationId }, shopper)
    expect(converted).toMatchObject({
      status: 'converted',
      statusLabel: '已转为投诉',
      reply: { text: CONVERT_NOTE },
      caseId: null,
      merchantCode: SHOP_A.code,
    })

    // the app prefills the complaint form with the question and the files; the person completes and submits it
    const filed = await must(
      'consumer',
      aSubmission(converted.merchantCode, { description: converted.question, evidenceIds: converted.evidence.map((e: Data) => e.id) }),
      shopper,
    )
    const linked = await must(
      'consumer',
      { action: 'linkConsultationCase', consultationId: receipt.consultationId, caseId: filed.caseId },
      shopper,
    )
    expect(linked).toMatchObject({ caseId: filed.caseId, caseNo: filed.caseNo })
    // a retried link changes nothing; linking someone else's case is refused
    expect(
      await must('consumer', { action: 'linkConsultationCase', consultationId: receipt.consultationId, caseId: filed.caseId }, shopper),
    ).toMatchObject({ version: linked.version })
    const stranger = await world.file(unique('stranger'))
    const foreign = await callAs(
      world.deps,
      'consumer',
      { action: 'linkConsultationCase', consultationId: receipt.consultationId, caseId: stranger },
      shopper,
    )
    expect(foreign.ok).toBe(false)

    const complaint = await world.store.getCase(filed.caseId)
    expect(complaint).toMatchObject({ kind: 'complaint', description: question })
    expect((await world.store.listEvidenceOfCase(filed.caseId)).map((e) => e.id)).toEqual([photo.id])
    // the link back: from the complaint to the consultation it came from
    const back = await must('station', { action: 'consultationOfCase', caseId: filed.caseId }, station)
    expect(back.consultation).toMatchObject({ id: receipt.consultationId, caseNo: filed.caseNo, status: 'converted' })
  })

  it('when the same ask is sent twice with one key, then one consultation is kept and the same receipt comes back', async () => {
    const shopper = { subject: unique('double-tap') }
    const ask = { action: 'askConsultation', idempotencyKey: key(), siteId: SITE_A.id, question: '购物卡过期了还能用吗？' }
    const first = await must('consumer', ask, shopper)
    const second = await must('consumer', ask, shopper)
    expect(second).toEqual(first)
    expect((await must('consumer', { action: 'listMyConsultations' }, shopper)).items).toHaveLength(1)
  })

  it('when a question is too short or names neither a site nor a shop, then it is refused with the field to fix', async () => {
    const shopper = { subject: unique('short') }
    const short = await callAs(
      world.deps,
      'consumer',
      { action: 'askConsultation', idempotencyKey: key(), siteId: SITE_A.id, question: '退货' },
      shopper,
    )
    expect(short).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { question: expect.stringContaining('具体') } } })
    const nowhere = await callAs(
      world.deps,
      'consumer',
      { action: 'askConsultation', idempotencyKey: key(), question: '我想问问七天无理由退货' },
      shopper,
    )
    expect(nowhere).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { siteId: expect.any(String) } } })
  })
})
