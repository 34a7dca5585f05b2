import type { Store } from '../../cloudfunctions/ports/store'
import { unique } from '../support/builders'

/**
 * Browser identities' part of the store contract: a token the host never issued is unknown; an
 * issued one names its subject; a rotation keeps the subject, retires the old token (with the one
 * replay it may still make) and issues the new one in a single step. Run against every adapter.
 */
export function deviceTokensContract(adapterName: string, open: () => Promise<Store>) {
  describe(`Device tokens store contract — ${adapterName}`, () => {
    let store: Store
    beforeAll(async () => {
      store = await open()
    })
    afterAll(async () => {
      await store?.close()
    })
    const AT = '2026-03-10T02:00:00.000Z'
    const LATER = '2026-03-10T02:05:00.000Z'

    it('when a token was never issued, then it names nobody', async () => {
      expect(await store.findDeviceToken(unique('never-issued'))).toBeNull()
    })

    it('when a token is issued, then it names its subject and is not retired', async () => {
      const hash = unique('hash')
      await store.issueDeviceToken(hash, 'subject-a', AT)
      expect(await store.findDeviceToken(hash)).toEqual({ subject: 'subject-a', retiredAt: null, retiredFor: null })
    })

    it('when a token is rotated, then the new one names the same subject and the old one is retired with its one replay', async () => {
      const [oldHash, newHash] = [unique('old'), unique('new')]
      await store.issueDeviceToken(oldHash, 'subject-b', AT)
      await store.rotateDeviceToken(oldHash, newHash, LATER, 'key-digest')
      expect(await store.findDeviceToken(newHash)).toEqual({ subject: 'subject-b', retiredAt: null, retiredFor: null })
      expect(await store.findDeviceToken(oldHash)).toEqual({ subject: 'subject-b', retiredAt: LATER, retiredFor: 'key-digest' })
    })

    it('when a rotation names a token that does not exist, then it fails and issues nothing', async () => {
      const newHash = unique('orphan')
      await expect(store.rotateDeviceToken(unique('missing'), newHash, LATER, null)).rejects.toBeDefined()
      expect(await store.findDeviceToken(newHash)).toBeNull()
    })
  })
}
