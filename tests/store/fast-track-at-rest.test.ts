import { readFileSync } from 'node:fs'
import { sql } from 'kysely'
import { cloudbaseFastTrackStore } from '../../cloudfunctions/adapters/cloudbase-db/cloudbase-fast-track-store'
import { COLLECTIONS } from '../../cloudfunctions/adapters/cloudbase-db/collection-names'
import { connectSql, migrateToLatest } from '../../cloudfunctions/adapters/sql/connect'
import { sqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import { aesVault } from '../../cloudfunctions/adapters/system/aes-vault'
import type { OnSiteCheckIn } from '../../cloudfunctions/ports/on-site-store'
import type { RewardApplication } from '../../src/domain/report-reward/report-reward-reporter'
import { aCase, aMerchant, aSite, aSubmittedEvent } from '../support/builders'
import { startCloudbaseTestApp } from '../support/cloudbase-test-app'

// Where a quick-response member stood and how a reporter is paid are sealed before they reach a
// column or a document (migration 0018 / on_site_checkins, report_rewards), as personal data is.
const vault = aesVault(new Uint8Array(32).fill(1))
const otherKey = aesVault(new Uint8Array(32).fill(2))
const secrets = ['30.2741', '120.1551', '举报人乙', '13700007777']
const merchant = aMerchant(aSite())
const c = aCase(merchant, { kind: 'report' })
const checkIn: OnSiteCheckIn = {
  caseId: c.id,
  eventId: `${c.id}-e2`,
  actorId: 'st-a',
  at: '2026-03-10T03:00:00.000Z',
  location: { latitude: 30.2741, longitude: 120.1551, accuracy: 15 },
}
const app: RewardApplication = {
  caseId: c.id,
  siteId: c.siteId,
  appliedAt: '2026-03-12T03:00:00.000Z',
  contact: { name: '举报人乙', phone: '13700007777' },
  note: '',
  status: 'applied',
  amountFen: null,
  decisionReason: null,
  decidedBy: null,
  decidedAt: null,
}

describe('fast-track locations and reward contacts at rest', () => {
  it('when they are stored in SQL, then no column holds them in the clear, and another key cannot read them', async () => {
    const db = await connectSql({ kind: 'pglite-dump', dump: new Blob([readFileSync(process.env.KS_PGLITE_TEMPLATE!)]) })
    await migrateToLatest(db)
    const store = sqlStore(db, vault)
    await store.saveSite(aSite({ id: merchant.siteId }))
    await store.saveMerchant(merchant)
    await store.createCase(c, aSubmittedEvent(c), [], { ids: [], uploadedBy: c.filedBy })
    await store.recordCheckInLocation(checkIn)
    await store.createRewardApplication(app)
    const raw = JSON.stringify([
      (await sql`select * from on_site_checkins`.execute(db)).rows,
      (await sql`select * from report_rewards`.execute(db)).rows,
    ])
    for (const secret of secrets) expect(raw).not.toContain(secret)
    expect(await store.listCheckInLocations(c.id)).toEqual([checkIn])
    expect(await store.getRewardApplication(c.id)).toEqual(app)
    await expect(sqlStore(db, otherKey).getRewardApplication(c.id)).rejects.toThrow()
    await expect(sqlStore(db, otherKey).listCheckInLocations(c.id)).rejects.toThrow()
    await db.destroy()
  })

  it('when they are stored in the CloudBase document database, then no document holds them in the clear', async () => {
    const t = await startCloudbaseTestApp()
    try {
      const store = cloudbaseFastTrackStore(t.db, vault)
      await store.recordCheckInLocation(checkIn)
      await store.createRewardApplication(app)
      const raw = async (collection: string) => JSON.stringify((await t.db.collection(collection).get()).data)
      const stored = (await raw(COLLECTIONS.onSiteCheckins)) + (await raw(COLLECTIONS.reportRewards))
      for (const secret of secrets) expect(stored).not.toContain(secret)
      expect(await store.listCheckInLocations(c.id)).toEqual([checkIn])
      expect(await store.getRewardApplication(c.id)).toEqual(app)
      await expect(cloudbaseFastTrackStore(t.db, otherKey).getRewardApplication(c.id)).rejects.toThrow()
    } finally {
      await t.close()
    }
  })
})
