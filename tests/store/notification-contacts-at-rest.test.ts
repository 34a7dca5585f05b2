import { readFileSync } from 'node:fs'
import { sql } from 'kysely'
import { connectSql, migrateToLatest } from '../../cloudfunctions/adapters/sql/connect'
import { sqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import { aesVault } from '../../cloudfunctions/adapters/system/aes-vault'
import type { NotificationContact } from '../../src/domain/notify/contact.schema'

// A robot key lets anyone post into the group; a duty phone is personal data. Neither reaches a
// column in the clear, and a row sealed under one key does not open under another.
describe('notification contacts at rest (SQL adapter)', () => {
  it('when a group key and a phone are stored, then no column holds either, and the wrong key cannot read them', async () => {
    const db = await connectSql({ kind: 'pglite-dump', dump: new Blob([readFileSync(process.env.KS_PGLITE_TEMPLATE!)]) })
    await migrateToLatest(db)
    const store = sqlStore(db, aesVault(new Uint8Array(32).fill(1)))
    const base: Pick<NotificationContact, 'label' | 'roles' | 'events' | 'updatedBy' | 'updatedAt'> = {
      label: '值班',
      roles: ['station'],
      events: ['overdue'],
      updatedBy: 'st-1',
      updatedAt: '2026-03-10T02:00:00.000Z',
    }
    const contacts: NotificationContact[] = [
      {
        ...base,
        id: 'c-robot',
        scope: { kind: 'site', siteId: 'site-1' },
        channel: 'wecom',
        target: '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa',
      },
      {
        ...base,
        id: 'c-phone',
        scope: { kind: 'area', areaId: 'xihu' },
        roles: ['station'],
        events: ['overdue'],
        channel: 'sms',
        target: '13900001111',
      },
    ]
    for (const c of contacts)
      await store.saveContact(c, {
        id: `ch-${c.id}`,
        contactId: c.id,
        scope: c.scope,
        change: 'saved',
        by: { role: 'station', id: 'st-1' },
        at: c.updatedAt,
      })

    const raw = JSON.stringify((await sql`select * from notification_contacts`.execute(db)).rows)
    for (const secret of ['693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa', '13900001111']) expect(raw).not.toContain(secret)
    expect(await store.listContactsFor('site-1', 'xihu')).toEqual(expect.arrayContaining(contacts))

    const otherKey = sqlStore(db, aesVault(new Uint8Array(32).fill(2)))
    await expect(otherKey.getContact('c-robot')).rejects.toThrow()
    await db.destroy()
  })
})
