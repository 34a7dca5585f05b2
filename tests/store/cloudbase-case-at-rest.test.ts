import { COLLECTIONS } from '../../cloudfunctions/adapters/cloudbase-db/collection-names'
import { cloudbaseBoardStore } from '../../cloudfunctions/adapters/cloudbase-db/cloudbase-board-store'
import { cloudbaseCaseStore } from '../../cloudfunctions/adapters/cloudbase-db/cloudbase-case-store'
import { aesVault } from '../../cloudfunctions/adapters/system/aes-vault'
import { aCase, aMerchant, aSite, aSubmittedEvent, unique } from '../support/builders'
import { startCloudbaseTestApp, type CloudbaseTestApp } from '../support/cloudbase-test-app'

// The document store seals a case's personal data and query code where the SQL store does, on
// filing and again on every change (a change rewrites the case document). The raw documents are read
// through the SDK, as anyone with the database's console would see them.
describe('a case at rest (CloudBase document store)', () => {
  let t: CloudbaseTestApp
  beforeAll(async () => {
    t = await startCloudbaseTestApp()
  })
  afterAll(async () => {
    await t?.close()
  })
  const vault = aesVault(new Uint8Array(32).fill(1))
  const otherKey = aesVault(new Uint8Array(32).fill(2))
  const raw = async (collection: string) => JSON.stringify((await t.db.collection(collection).get()).data)
  const secrets = ['欧阳娜娜', '13900001111', '幸福里8号', 'QWER2345']

  it('when a case is filed and changed, then no document holds a name, phone, address or query code, and the wrong key cannot read it', async () => {
    const merchant = aMerchant(aSite())
    const c = aCase(merchant, { complainant: { name: '欧阳娜娜', phone: '13900001111', address: '幸福里8号' }, queryCode: 'QWER2345' })
    const store = cloudbaseCaseStore(t.db, vault)
    await store.createCase(c, aSubmittedEvent(c), [], { ids: [], uploadedBy: c.filedBy })
    const changed = await store.applyChange({
      caseId: c.id,
      expectedVersion: c.version,
      next: { ...c, status: 'accepted', updatedAt: '2026-03-10T03:00:00.000Z' },
      event: aSubmittedEvent(c, { id: unique('event'), seq: 2, type: 'accepted', actor: { role: 'station', id: 'st-1' } }),
      outbox: [],
      clocks: [],
    })

    const stored = (await raw(COLLECTIONS.cases)) + (await raw(COLLECTIONS.events)) + (await raw(COLLECTIONS.caseKeys))
    for (const secret of secrets) expect(stored).not.toContain(secret)
    expect(await store.getCase(c.id)).toEqual(changed)
    expect(changed).toMatchObject({ complainant: c.complainant, queryCode: 'QWER2345', status: 'accepted' })
    await expect(cloudbaseCaseStore(t.db, otherKey).getCase(c.id)).rejects.toThrow()

    // the board reads summary fields only: it answers even under a key that opens nothing
    const board = await cloudbaseBoardStore(t.db).listBoard({ siteId: c.siteId, openOnly: true, now: c.createdAt, after: null, limit: 10 })
    expect(board.items.map((i) => i.id)).toEqual([c.id])
    for (const secret of secrets) expect(JSON.stringify(board)).not.toContain(secret)
  })
})
