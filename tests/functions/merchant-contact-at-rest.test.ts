import { readFileSync } from 'node:fs'
import { sql } from 'kysely'
import { connectSql, migrateToLatest } from '../../cloudfunctions/adapters/sql/connect'
import { sqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import { aesVault } from '../../cloudfunctions/adapters/system/aes-vault'
import { aMerchant, aSite } from '../support/builders'

// A shop's contact person is personal data like a complainant's: sealed before it reaches a column.
// (Beside the functions' tests because it checks what registry.saveMerchant leaves in the database;
// it opens its own PGlite from the suite's template, whichever store the other suites run on.)
describe('merchant contact at rest (SQL adapter)', () => {
  it("when a shop is stored, then no column holds its contact's name or phone, and the wrong key cannot read it", async () => {
    const db = await connectSql({ kind: 'pglite-dump', dump: new Blob([readFileSync(process.env.KS_PGLITE_TEMPLATE!)]) })
    await migrateToLatest(db)
    const store = sqlStore(db, aesVault(new Uint8Array(32).fill(1)))
    const site = aSite()
    const merchant = aMerchant(site, { contactName: '司徒小敏', contactPhone: '13966667777' })
    await store.saveSite(site)
    await store.saveMerchant(merchant)

    const raw = JSON.stringify((await sql`select * from merchants where id = ${merchant.id}`.execute(db)).rows)
    for (const secret of ['司徒小敏', '13966667777']) expect(raw).not.toContain(secret)
    expect(raw).toContain(merchant.uscc) // a credit code is public registration data, kept in the clear
    expect(await store.getMerchant(merchant.id)).toEqual(merchant)

    await expect(sqlStore(db, aesVault(new Uint8Array(32).fill(2))).getMerchant(merchant.id)).rejects.toThrow()
    await db.destroy()
  })
})
