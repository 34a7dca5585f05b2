import { readFileSync } from 'node:fs'
import { sql } from 'kysely'
import { connectSql, migrateToLatest } from '../../cloudfunctions/adapters/sql/connect'
import { sqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import { aesVault } from '../../cloudfunctions/adapters/system/aes-vault'
import { aCase, aMerchant, aSite, aSubmittedEvent } from '../support/builders'

// Personal data and query codes never reach a column in the clear, and a row sealed under one
// key does not open under another.
describe('encryption at rest (SQL adapter)', () => {
  it('when a case is stored, then its columns hold no name, phone, address or query code, and the wrong key cannot read it', async () => {
    const db = await connectSql({ kind: 'pglite-dump', dump: new Blob([readFileSync(process.env.KS_PGLITE_TEMPLATE!)]) })
    await migrateToLatest(db)
    const store = sqlStore(db, aesVault(new Uint8Array(32).fill(1)))
    const site = aSite()
    const merchant = aMerchant(site)
    await store.saveSite(site)
    await store.saveMerchant(merchant)
    const c = aCase(merchant, { complainant: { name: '欧阳娜娜', phone: '13900001111', address: '幸福里8号' }, queryCode: 'QWER2345' })
    await store.createCase(c, aSubmittedEvent(c), [], { ids: [], uploadedBy: c.filedBy })

    const raw = JSON.stringify((await sql`select * from cases where id = ${c.id}`.execute(db)).rows)
    for (const secret of ['欧阳娜娜', '13900001111', '幸福里8号', 'QWER2345']) expect(raw).not.toContain(secret)
    expect(await store.getCase(c.id)).toEqual(c)

    const otherKey = sqlStore(db, aesVault(new Uint8Array(32).fill(2)))
    await expect(otherKey.getCase(c.id)).rejects.toThrow()
    await db.destroy()
  })
})
