import type { BoardQuery, Store } from '../../cloudfunctions/ports/store'
import type { Case } from '../../src/domain/case.schema'
import type { CaseClock } from '../../src/domain/clocks/case-clock'
import type { ClockId } from '../../src/domain/clocks/clock-rules'
import { aCase, aMerchant, aSite, aSubmittedEvent, unique } from '../support/builders'

/**
 * The board part of the store contract (listBoard): selected, filtered, sorted by the soonest
 * running clock and paged by keyset in the store, from the clock summary every case write keeps on
 * the case. Run against every adapter.
 */
const NOW = '2026-03-10T06:00:00.000Z'
const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString()

const clock = (c: Case, clockId: ClockId, dueIn: number, over: Partial<CaseClock> = {}): CaseClock => ({
  caseId: c.id,
  clockId,
  startedAt: at(dueIn - 60),
  dueAt: at(dueIn),
  remindAt: at(dueIn - 30),
  urgeAt: at(dueIn - 10),
  explanation: `${clockId} 说明`,
  provisional: false,
  stage: 'running',
  nextCheckAt: at(dueIn - 30),
  stoppedAt: null,
  ...over,
})

export function boardContract(adapterName: string, open: () => Promise<Store>) {
  describe(`Board store contract — ${adapterName}`, () => {
    let store: Store
    beforeAll(async () => {
      store = await open()
    })
    afterAll(async () => {
      await store?.close()
    })

    const seedShop = async () => {
      const site = aSite()
      const merchant = aMerchant(site, { name: unique('店') })
      await store.saveSite(site)
      await store.saveMerchant(merchant)
      return { site, merchant }
    }
    const file = async (c: Case, clocks: CaseClock[] = []) => {
      await store.createCase(c, aSubmittedEvent(c), [], { ids: [], uploadedBy: c.filedBy }, clocks)
      return c
    }
    const query = (over: Partial<BoardQuery>): BoardQuery => ({ siteId: null, openOnly: true, now: NOW, after: null, limit: 50, ...over })
    const ids = async (q: BoardQuery) => (await store.listBoard(q)).items.map((i) => i.id)

    it('when a case is filed and changed, then its row carries its soonest running clock, and nothing personal', async () => {
      const { site, merchant } = await seedShop()
      const c = aCase(merchant, { status: 'with_merchant' })
      await file(c, [clock(c, 'completion', 600), clock(c, 'merchant_response', 30)])
      const [row] = (await store.listBoard(query({ siteId: site.id }))).items
      expect(Object.keys(row).sort()).toEqual([
        'caseNo',
        'createdAt',
        'descriptionStart',
        'id',
        'kind',
        'merchantName',
        'nextClock',
        'status',
      ])
      expect(row).toMatchObject({ id: c.id, caseNo: c.caseNo, merchantName: merchant.name, descriptionStart: c.description })
      expect(row.nextClock).toEqual({
        clockId: 'merchant_response',
        dueAt: at(30),
        remindAt: at(0),
        urgeAt: at(20),
        explanation: 'merchant_response 说明',
        provisional: false,
      })

      // the shop answers: its clock stops, the completion clock is now the soonest
      const stored = await store.getCase(c.id)
      if (!stored) throw new Error('the case is gone')
      const step = (version: number, clocks: CaseClock[]) =>
        store.applyChange({
          caseId: c.id,
          expectedVersion: version,
          next: { ...stored, status: 'merchant_answered', updatedAt: at(5) },
          event: aSubmittedEvent(c, { id: unique('event'), seq: version + 1, type: 'answered', at: at(5) }),
          outbox: [],
          clocks,
        })
      await step(stored.version, [{ ...clock(c, 'merchant_response', 30), stage: 'stopped', stoppedAt: at(5), nextCheckAt: null }])
      expect((await store.listBoard(query({ siteId: site.id }))).items[0].nextClock).toMatchObject({
        clockId: 'completion',
        dueAt: at(600),
      })
      // nothing runs any more: no clock, and it sorts after every case with one
      await step(stored.version + 1, [{ ...clock(c, 'completion', 600), stage: 'stopped', stoppedAt: at(6), nextCheckAt: null }])
      const other = await file(aCase(merchant), [])
      const dueLater = aCase(merchant)
      await file(dueLater, [clock(dueLater, 'accept_decision', 100_000)])
      const rows = (await store.listBoard(query({ siteId: site.id }))).items
      expect(rows[0]).toMatchObject({ id: dueLater.id })
      expect(rows.slice(1).map((r) => r.nextClock)).toEqual([null, null])
      expect(rows.slice(1).map((r) => r.id)).toEqual([c.id, other.id].sort())
    })

    it('when a board is longer than a page, then the pages follow one another by due time and id, without gaps or repeats', async () => {
      const { site, merchant } = await seedShop()
      const dues = [50, -20, 50, 400, 7, 50, 3]
      const filed: { id: string; due: number }[] = []
      for (const due of dues) {
        const c = aCase(merchant)
        await file(c, [clock(c, 'accept_decision', due)])
        filed.push({ id: c.id, due })
      }
      const expected = [...filed].sort((a, b) => a.due - b.due || (a.id < b.id ? -1 : 1)).map((f) => f.id)
      const seen: string[] = []
      let after: BoardQuery['after'] = null
      const sizes: number[] = []
      do {
        const page = await store.listBoard(query({ siteId: site.id, limit: 3, after }))
        seen.push(...page.items.map((i) => i.id))
        sizes.push(page.items.length)
        after = page.next
      } while (after)
      expect(sizes).toEqual([3, 3, 1])
      expect(seen).toEqual(expected)
    })

    it('when filters are given, then only matching cases come back; across sites when no site is named', async () => {
      const { site, merchant } = await seedShop()
      const elsewhere = await seedShop()
      const red = await file(aCase(merchant, { status: 'received', product: '折扣_100%券' }), [])
      const redCase = aCase(merchant, { status: 'received', channel: 'proxy' })
      await file(redCase, [clock(redCase, 'accept_decision', -5)])
      const yellowCase = aCase(merchant, { status: 'with_merchant', kind: 'report' })
      await file(yellowCase, [clock(yellowCase, 'accept_decision', 5)])
      const greenCase = aCase(merchant, { status: 'accepted' })
      await file(greenCase, [clock(greenCase, 'accept_decision', 60)])
      const closed = aCase(merchant, { status: 'closed', outcome: 'settled' })
      await file(closed, [clock(closed, 'return_visit', -500)])
      const theirs = aCase(elsewhere.merchant, { status: 'received' })
      await file(theirs, [clock(theirs, 'accept_decision', -50)])

      const mine = { siteId: site.id }
      expect(await ids(query({ ...mine, colour: 'red' }))).toEqual([redCase.id])
      expect(await ids(query({ ...mine, colour: 'yellow' }))).toEqual([yellowCase.id])
      expect(await ids(query({ ...mine, colour: 'green' }))).toEqual([greenCase.id])
      expect(await ids(query({ ...mine, kind: 'report' }))).toEqual([yellowCase.id])
      expect(await ids(query({ ...mine, channel: 'proxy' }))).toEqual([redCase.id])
      expect(await ids(query({ ...mine, status: 'accepted' }))).toEqual([greenCase.id])
      expect(await ids(query({ ...mine, text: '100%' }))).toEqual([red.id]) // % and _ are characters, not wildcards
      expect(await ids(query({ ...mine, text: '_1' }))).toEqual([red.id])
      expect(await ids(query({ ...mine, text: redCase.caseNo }))).toEqual([redCase.id])
      expect(await ids(query({ ...mine, text: merchant.name.slice(1) }))).toHaveLength(4)
      expect(await ids(query({ ...mine }))).toEqual([redCase.id, yellowCase.id, greenCase.id, red.id])
      expect(await ids(query({ ...mine, openOnly: false }))).toEqual([closed.id, redCase.id, yellowCase.id, greenCase.id, red.id])
      // no site: every site's, narrowed here to the two shops of this test
      expect(await ids(query({ merchantId: elsewhere.merchant.id }))).toEqual([theirs.id])
      expect(await ids(query({ merchantId: merchant.id, colour: 'red' }))).toEqual([redCase.id])
    })

    it('when staff confirmed a tag on a case, then the tag filter finds that case only, after later case changes too; a mere proposal never matches', async () => {
      const { site, merchant } = await seedShop()
      const elsewhere = await seedShop()
      const tagged = aCase(merchant, { status: 'received' })
      await file(tagged, [clock(tagged, 'accept_decision', 30)])
      const proposedOnly = await file(aCase(merchant, { status: 'received' }))
      const retagged = await file(aCase(merchant, { status: 'received' }))
      const theirs = await file(aCase(elsewhere.merchant, { status: 'received' }))
      const confirm = (caseId: string, confirmed: string[]) =>
        store.confirmCaseTags({ caseId, proposed: ['prepaid-card'], confirmed, confirmedBy: 'st-1', confirmedAt: at(1) })
      await store.proposeCaseTags(proposedOnly.id, ['prepaid-card'])
      await confirm(tagged.id, ['quality', 'prepaid-card'])
      await confirm(retagged.id, ['prepaid-card'])
      await confirm(retagged.id, ['quality']) // confirmed again, differently: the old set no longer matches
      await confirm(theirs.id, ['prepaid-card'])

      const mine = { siteId: site.id }
      expect(await ids(query({ ...mine, tag: 'prepaid-card' }))).toEqual([tagged.id])
      expect(await ids(query({ ...mine, tag: 'quality' }))).toEqual([tagged.id, retagged.id])
      expect(await ids(query({ ...mine, tag: 'quality', colour: 'yellow' }))).toEqual([])
      expect(await ids(query({ ...mine, tag: 'car' }))).toEqual([])
      expect((await ids(query({ tag: 'prepaid-card' }))).filter((id) => [tagged.id, theirs.id].includes(id)).sort()).toEqual(
        [tagged.id, theirs.id].sort(),
      )

      // a later step of the case (a whole new case document, on CloudBase) keeps its confirmed tags
      const stored = await store.getCase(tagged.id)
      if (!stored) throw new Error('the case is gone')
      await store.applyChange({
        caseId: tagged.id,
        expectedVersion: stored.version,
        next: { ...stored, status: 'accepted', updatedAt: at(5) },
        event: aSubmittedEvent(tagged, { id: unique('event'), seq: 2, type: 'accepted', at: at(5) }),
        outbox: [],
        clocks: [],
      })
      expect(await ids(query({ ...mine, tag: 'prepaid-card' }))).toEqual([tagged.id])
      expect(await store.getCaseTags(tagged.id)).toEqual({
        caseId: tagged.id,
        proposed: ['prepaid-card'],
        confirmed: ['quality', 'prepaid-card'],
        confirmedBy: 'st-1',
        confirmedAt: at(1),
      })
      expect(await store.getCaseTags(proposedOnly.id)).toEqual({
        caseId: proposedOnly.id,
        proposed: ['prepaid-card'],
        confirmed: null,
        confirmedBy: null,
        confirmedAt: null,
      })
    })
  })
}
