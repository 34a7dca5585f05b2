import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cloudbaseExportOutlet } from '../../cloudfunctions/adapters/cloudbase/cloudbase-export-outlet'
import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import { refreshStats } from '../../cloudfunctions/services/stats-upkeep'
import type { Role } from '../../src/domain/identity'
import { sdkAppFor } from '../adapters/cloudbase/sdk-app'
import { aSubmission } from '../support/builders'
import { callAs, type Data } from '../support/call-as'
import { startCloudbaseLoopback, type CloudbaseLoopback } from '../support/cloudbase-loopback'
import { SHOP_A, SITE_A, SITE_B, seedTwoShops } from '../support/seed-shops'
import { makeDeps, openTestStore } from '../support/test-deps'

// 消费投诉分析建议书 in CloudBase (docs/analysis-letters.md): station.letterPdf draws the host route's letter
// through the export outlet, puts it into storage through the real @cloudbase/node-sdk (the loopback speaks
// its wire format) and answers a temporary URL; read back over HTTP and through pdftotext. The scope is the
// host route's: another site's station gets MERCHANT_NOT_FOUND and nothing is put into storage.
describe('the letter PDF as a station action in CloudBase', () => {
  let loopback: CloudbaseLoopback
  let store: Store & StoreInspection
  let deps: ReturnType<typeof makeDeps>
  const tokens = new Map<string, string>()
  const Q1 = { merchantId: SHOP_A.id, quarter: '2026-Q1' }

  beforeAll(async () => {
    loopback = await startCloudbaseLoopback()
    store = await openTestStore()
    deps = makeDeps(store)
    deps.exportOutlet = cloudbaseExportOutlet(sdkAppFor(loopback))
    await seedTwoShops(store)
    const at = deps.clock.now().toISOString()
    const hash = await deps.secrets.hashPassword('correct horse')
    const accounts: [string, Role & ('station' | 'regulator'), string][] = [
      ['station-a', 'station', SITE_A.id],
      ['station-b', 'station', SITE_B.id],
    ]
    for (const [username, role, siteId] of accounts) {
      await store.saveStaff({ id: `staff-${username}`, username, displayName: username, role, siteId, passwordHash: hash, createdAt: at })
      const login = await loginStaff(deps, username, 'correct horse')
      if (!login.ok) throw new Error(login.error.code)
      tokens.set(username, login.data.token)
    }
    for (const problemType of ['价格', '价格', '质量'] as const) {
      deps.clock.advance(60_000)
      const filed = await callAs(deps, 'consumer', aSubmission(SHOP_A.code, { problemType }), { subject: `shopper-${deps.ids.newId()}` })
      if (!filed.ok) throw new Error(filed.error.code)
    }
    await refreshStats(deps, deps.clock.now())
  })
  afterAll(async () => {
    await store.close()
    await loopback.close()
  })

  const asStaff = (username: string, input: object) =>
    callAs(deps, 'station', { action: 'letterPdf', ...input }, { staffSessionToken: tokens.get(username) })
  const letterObjects = () => [...loopback.objects.keys()].filter((k) => k.startsWith('exports/') && k.endsWith('.pdf'))

  function pdfText(bytes: Buffer): string {
    const file = join(mkdtempSync(join(tmpdir(), 'ks-letter-pdf-')), 'letter.pdf')
    writeFileSync(file, bytes)
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  }

  it("when the station asks for its shop's letter, then a temporary URL opens a PDF whose text is the letter", async () => {
    const made = await asStaff('station-a', Q1)
    if (!made.ok) throw new Error(made.error.code)
    const file = made.data as Data
    expect(file).toMatchObject({ fileType: 'pdf', fileName: `消费投诉分析建议书_${SHOP_A.name}_2026-Q1.pdf`, rows: null })
    const res = await fetch(String(file.url))
    expect(res.status).toBe(200)
    const text = pdfText(Buffer.from(await res.arrayBuffer()))
    expect(text).toContain('消费投诉分析建议书')
    expect(text).toContain(SHOP_A.name)
    expect(text).toContain('价格') // the shop's most frequent problem, from the statistics
    expect(letterObjects()).toHaveLength(1)
  })

  it("when another site's station, a clerk or a malformed quarter asks, then it is refused and nothing is stored", async () => {
    const before = letterObjects().length
    expect(await asStaff('station-b', Q1)).toMatchObject({ ok: false, error: { code: 'MERCHANT_NOT_FOUND' } })
    expect(await asStaff('station-a', { ...Q1, quarter: '2026-Q5' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect(await callAs(deps, 'station', { action: 'letterPdf', ...Q1 }, { subject: 'clerk-a' })).toMatchObject({ ok: false })
    expect(letterObjects()).toHaveLength(before)
  })

  it('when the function has no outlet (the host), then it answers EXPORT_UNAVAILABLE after its checks', async () => {
    const outlet = deps.exportOutlet
    deps.exportOutlet = undefined
    try {
      expect(await asStaff('station-a', Q1)).toMatchObject({ ok: false, error: { code: 'EXPORT_UNAVAILABLE' } })
      expect(await asStaff('station-b', Q1)).toMatchObject({ ok: false, error: { code: 'MERCHANT_NOT_FOUND' } })
    } finally {
      deps.exportOutlet = outlet
    }
  })
})
