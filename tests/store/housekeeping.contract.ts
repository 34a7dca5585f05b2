import type { Store } from '../../cloudfunctions/ports/store'
import { aCase, aMerchant, anEvidence, aSite, aSubmittedEvent, unique } from '../support/builders'

/**
 * The host's housekeeping in the store: the upload quota counted across hosts (uploadsSince), the
 * cleanup of uploads no case claimed (which must never delete a file a case just took), the key
 * check every host compares its DATA_KEY with at boot, and maintain.
 */
const NOW = '2026-03-10T06:00:00.000Z'
const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString()

export function housekeepingContract(adapterName: string, open: () => Promise<Store>) {
  describe(`Housekeeping store contract — ${adapterName}`, () => {
    let store: Store
    beforeAll(async () => {
      store = await open()
    })
    afterAll(async () => {
      await store?.close()
    })

    /** A case of its own claims these uploads. */
    const claim = async (uploadedBy: string, ids: string[], into = store) => {
      const site = aSite()
      const merchant = aMerchant(site)
      await into.saveSite(site)
      await into.saveMerchant(merchant)
      const c = aCase(merchant, { filedBy: uploadedBy })
      await into.createCase(c, aSubmittedEvent(c), [], { ids, uploadedBy })
      return c
    }
    /** The cleanup lists every stray upload in the store: its test gets a store with none but its own. */
    const onAnEmptyStore = async (test: (empty: Store) => Promise<void>) => {
      const empty = await open()
      try {
        await test(empty)
      } finally {
        await empty.close()
      }
    }

    it('when a subject uploads, then the quota counts its files and bytes since the instant, claimed or not, and the oldest', async () => {
      const subject = unique('device')
      const before = anEvidence(subject, { bytes: 5_000, createdAt: at(-61) })
      const first = anEvidence(subject, { bytes: 1_000, createdAt: at(-60) })
      const second = anEvidence(subject, { bytes: 2_500, createdAt: at(-5) })
      for (const e of [second, before, first, anEvidence(unique('device'), { bytes: 9_999, createdAt: at(-1) })])
        await store.saveEvidence(e)
      await claim(subject, [second.id])
      expect(await store.uploadsSince(subject, at(-60))).toEqual({ count: 2, bytes: 3_500, oldestAt: at(-60) })
      expect(await store.uploadsSince(subject, at(-4))).toEqual({ count: 0, bytes: 0, oldestAt: null })
      expect(await store.uploadsSince(unique('device'), at(-60))).toEqual({ count: 0, bytes: 0, oldestAt: null })
    })

    it('when uploads stay unclaimed, then the cleanup lists those older than the instant, oldest first, at most the limit', () =>
      onAnEmptyStore(async (empty) => {
        const subject = unique('device')
        const [old, older, recent, claimed] = [-30, -40, 0, -50].map((m) => anEvidence(subject, { createdAt: at(m) }))
        for (const e of [old, older, recent, claimed]) await empty.saveEvidence(e)
        await claim(subject, [claimed.id], empty)
        expect(await empty.listUnclaimedEvidenceBefore(NOW, 10)).toEqual([older, old])
        expect(await empty.listUnclaimedEvidenceBefore(NOW, 1)).toEqual([older])
        expect(await empty.listUnclaimedEvidenceBefore(at(-40), 10)).toEqual([])
      }))

    it('when an unclaimed upload is deleted, then it is gone; a claimed one stays, and an unknown id is no deletion', async () => {
      const subject = unique('device')
      const [stray, taken] = [anEvidence(subject), anEvidence(subject)]
      for (const e of [stray, taken]) await store.saveEvidence(e)
      const c = await claim(subject, [taken.id]) // claimed between the cleanup's list and its delete
      expect(await store.deleteUnclaimedEvidence(stray.id)).toBe(true)
      expect(await store.getEvidence(stray.id)).toBeNull()
      expect(await store.deleteUnclaimedEvidence(taken.id)).toBe(false)
      expect(await store.getEvidence(taken.id)).toEqual({ ...taken, caseId: c.id })
      expect(await store.deleteUnclaimedEvidence(stray.id)).toBe(false)
    })

    it('when hosts record their key check, then the first value is kept and every later or concurrent one reads it back', async () => {
      expect(await store.keepKeyCheck('DATA_KEY', 'check-a', at(0))).toBe('check-a')
      expect(await store.keepKeyCheck('DATA_KEY', 'check-b', at(1))).toBe('check-a')
      const racing = await Promise.all(['x', 'y', 'z'].map((v) => store.keepKeyCheck('CHAIN_KEY', `check-${v}`, at(2))))
      expect(new Set(racing).size).toBe(1)
      expect(['check-x', 'check-y', 'check-z']).toContain(racing[0])
      expect(await store.keepKeyCheck('DATA_KEY', 'check-c', at(3))).toBe('check-a') // names are separate
    })

    it('when the store is maintained, then it still holds and answers what it held', async () => {
      const upload = anEvidence(unique('device'))
      await store.saveEvidence(upload)
      await store.maintain()
      expect(await store.getEvidence(upload.id)).toEqual(upload)
    })
  })
}
