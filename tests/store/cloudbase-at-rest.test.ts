import { cloudbaseBoardStore } from '../../cloudfunctions/adapters/cloudbase-db/cloudbase-board-store'
import { cloudbaseCaseStore } from '../../cloudfunctions/adapters/cloudbase-db/cloudbase-case-store'
import { cloudbaseContactStore } from '../../cloudfunctions/adapters/cloudbase-db/cloudbase-contact-store'
import { cloudbaseDirectoryStore } from '../../cloudfunctions/adapters/cloudbase-db/cloudbase-directory-store'
import { COLLECTIONS } from '../../cloudfunctions/adapters/cloudbase-db/collection-names'
import { aesVault } from '../../cloudfunctions/adapters/system/aes-vault'
import type { NotificationContact } from '../../src/domain/notify/contact.schema'
import { aCase, aMerchant, aSite, aSubmittedEvent, unique } from '../support/builders'
import { startCloudbaseTestApp, type CloudbaseTestApp } from '../support/cloudbase-test-app'

// The document store seals what the SQL store seals, where the SQL store seals it: a case's
// personal data and query code (on filing and again on every change — a change rewrites the case
// document), a shop's contact person, a notification contact's target (a robot key is a credential,
// a duty phone personal data). The raw documents are read back through the SDK, as anyone with the
// database's console would see them.
describe('personal data at rest (CloudBase document store)', () => {
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

  it("when a shop with a contact is saved, then no document holds the contact's name or phone, and another key cannot read it", async () => {
    const site = aSite()
    const shop = aMerchant(site, { contactName: '欧阳店长', contactPhone: '13912345678' })
    await cloudbaseDirectoryStore(t.db, vault).saveMerchant(shop)
    const stored = await raw(COLLECTIONS.merchants)
    for (const secret of ['欧阳店长', '13912345678']) expect(stored).not.toContain(secret)
    expect(stored).toContain(shop.name) // the shop itself is no secret: its name is searched
    expect(await cloudbaseDirectoryStore(t.db, vault).getMerchant(shop.id)).toEqual(shop)
    await expect(cloudbaseDirectoryStore(t.db, otherKey).getMerchant(shop.id)).rejects.toThrow()
  })

  it('when a robot key and a phone are stored as contacts, then no document holds either, and another key cannot read them', async () => {
    const base = {
      label: '值班',
      roles: ['station'],
      events: ['overdue'],
      updatedBy: 'st-1',
      updatedAt: '2026-03-10T02:00:00.000Z',
    } as const
    const contacts: NotificationContact[] = [
      {
        ...base,
        roles: ['station'],
        events: ['overdue'],
        id: 'c-robot',
        scope: { kind: 'site', siteId: 's-1' },
        channel: 'wecom',
        target: '693a91f6-7abc-4bc4-97a0-0ec2aa5aaa',
      },
      {
        ...base,
        roles: ['station'],
        events: ['overdue'],
        id: 'c-phone',
        scope: { kind: 'area', areaId: 'xihu' },
        channel: 'sms',
        target: '13900001111',
      },
    ]
    const store = cloudbaseContactStore(t.db, vault)
    for (const c of contacts)
      await store.saveContact(c, {
        id: `ch-${c.id}`,
        contactId: c.id,
        scope: c.scope,
        change: 'saved',
        by: { role: 'station', id: 'st-1' },
        at: c.updatedAt,
      })
    const stored = (await raw(COLLECTIONS.contacts)) + (await raw(COLLECTIONS.contactChanges))
    for (const c of contacts) expect(stored).not.toContain(c.target)
    expect(await store.listContactsFor('s-1', 'xihu')).toEqual(expect.arrayContaining(contacts))
    await expect(cloudbaseContactStore(t.db, otherKey).getContact('c-robot')).rejects.toThrow()
  })
})
