import { cloudbaseExportBin } from '../../cloudfunctions/adapters/cloudbase/cloudbase-export-bin'
import { cloudbaseExportOutlet } from '../../cloudfunctions/adapters/cloudbase/cloudbase-export-outlet'
import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import { refreshStats } from '../../cloudfunctions/services/stats-upkeep'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import type { SubmitComplaintInput } from '../../src/domain/complaint.schema'
import type { Role } from '../../src/domain/identity'
import { sdkAppFor } from '../adapters/cloudbase/sdk-app'
import { aSubmission } from './builders'
import { callAs, type Data } from './call-as'
import { startCloudbaseLoopback, type CloudbaseLoopback } from './cloudbase-loopback'
import { SHOP_A, SHOP_B, SITE_A, SITE_B, seedTwoShops } from './seed-shops'
import { makeDeps, openTestStore } from './test-deps'

// The world of the CloudBase export tests (docs/cloud-exports.md): two sites, staff of every kind signed in,
// A_CASES complaints against shop A and one against shop B in March 2026, storage on the CloudBase loopback
// reached through the real SDK. The XLSX tests need nothing installed; the PDF tests (*.systest.ts) need
// poppler and the Chinese font, so npm test leaves them to CI.

export const RANGE = { from: '2026-03-01', to: '2026-03-31' }
export const A_CASES = 3

export interface CloudExportWorld {
  loopback: CloudbaseLoopback
  store: Store & StoreInspection
  deps: ReturnType<typeof makeDeps>
  tokens: Map<string, string>
  asStaff(username: string, action: string, input: object): ReturnType<typeof callAs>
  exportObjects(): string[]
  /** The answered link, fetched over HTTP as Taro.downloadFile does. */
  fetched(file: Data): Promise<Buffer>
  close(): Promise<void>
}

/** What each of shop A's complaints differs in (aSubmission's overrides); A_CASES of them by default. */
const DEFAULT_A_FILINGS = Array.from({ length: A_CASES }, (_, i) => ({ name: `李阿姨${i}` }))

export async function openCloudExportWorld(shopAFilings: Partial<SubmitComplaintInput>[] = DEFAULT_A_FILINGS): Promise<CloudExportWorld> {
  const loopback = await startCloudbaseLoopback()
  const store = await openTestStore()
  const deps = makeDeps(store)
  deps.exportOutlet = cloudbaseExportOutlet(sdkAppFor(loopback))
  deps.exportBin = cloudbaseExportBin(sdkAppFor(loopback))
  await seedTwoShops(store)
  const at = deps.clock.now().toISOString()
  const hash = await deps.secrets.hashPassword('correct horse')
  const accounts: [string, Role & ('station' | 'regulator' | 'proxy' | 'admin'), string | null][] = [
    ['station-a', 'station', SITE_A.id],
    ['station-b', 'station', SITE_B.id],
    ['reg-a', 'regulator', SITE_A.id],
    ['proxy-a', 'proxy', SITE_A.id],
    ['admin', 'admin', null],
  ]
  const tokens = new Map<string, string>()
  for (const [username, role, siteId] of accounts) {
    await store.saveStaff({ id: `staff-${username}`, username, displayName: username, role, siteId, passwordHash: hash, createdAt: at })
    const login = await loginStaff(deps, username, 'correct horse')
    if (!login.ok) throw new Error(login.error.code)
    tokens.set(username, login.data.token)
  }
  await store.saveMembership({ id: 'm1', merchantId: SHOP_A.id, siteId: SITE_A.id, subject: 'clerk-a', status: 'active', createdAt: at })
  for (const [i, overrides] of shopAFilings.entries()) {
    deps.clock.advance(60_000)
    const filed = await callAs(deps, 'consumer', aSubmission(SHOP_A.code, overrides), { subject: `shopper-${i}` })
    if (!filed.ok) throw new Error(filed.error.code)
  }
  const b = await callAs(deps, 'consumer', aSubmission(SHOP_B.code, { name: '王先生' }), { subject: 'shopper-b' })
  if (!b.ok) throw new Error(b.error.code)
  await refreshStats(deps, deps.clock.now())
  return {
    loopback,
    store,
    deps,
    tokens,
    asStaff: (username, action, input) => callAs(deps, 'station', { action, ...input }, { staffSessionToken: tokens.get(username) }),
    exportObjects: () => [...loopback.objects.keys()].filter((k) => k.startsWith('exports/')),
    async fetched(file) {
      const res = await fetch(String(file.url))
      if (res.status !== 200) throw new Error(`temporary link answered ${res.status}`)
      return Buffer.from(await res.arrayBuffer())
    },
    async close() {
      await store.close()
      await loopback.close()
    },
  }
}
