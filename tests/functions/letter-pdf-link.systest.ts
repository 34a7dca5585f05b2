import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pdfText as pdfFileText, requirePoppler } from '../browser/support/pdf-tools'
import { callAs, type Data } from '../support/call-as'
import { openCloudExportWorld, type CloudExportWorld } from '../support/cloud-export-world'
import { SHOP_A } from '../support/seed-shops'

// 消费投诉分析建议书 in CloudBase (docs/analysis-letters.md): station.letterPdf draws the host route's letter
// through the export outlet, puts it into storage through the real @cloudbase/node-sdk (the loopback speaks
// its wire format) and answers a temporary URL; read back over HTTP and through pdftotext. The scope is the
// host route's: another site's station gets MERCHANT_NOT_FOUND and nothing is put into storage.
// A *.systest.ts: pdftotext and the Chinese font are system packages, so CI runs it, npm test does not.
describe('the letter PDF as a station action in CloudBase', () => {
  let world: CloudExportWorld
  const Q1 = { merchantId: SHOP_A.id, quarter: '2026-Q1' }

  beforeAll(async () => {
    requirePoppler()
    world = await openCloudExportWorld([{ problemType: '价格' }, { problemType: '价格' }, { problemType: '质量' }])
  })
  afterAll(() => world.close())

  const asStaff = (username: string, input: object) => world.asStaff(username, 'letterPdf', input)
  const letterObjects = () => world.exportObjects().filter((k) => k.endsWith('.pdf'))

  function pdfText(bytes: Buffer): string {
    const file = join(mkdtempSync(join(tmpdir(), 'ks-letter-pdf-')), 'letter.pdf')
    writeFileSync(file, bytes)
    return pdfFileText(file)
  }

  it("when the station asks for its shop's letter, then a temporary URL opens a PDF whose text is the letter", async () => {
    const made = await asStaff('station-a', Q1)
    if (!made.ok) throw new Error(made.error.code)
    const file = made.data as Data
    expect(file).toMatchObject({ fileType: 'pdf', fileName: `消费投诉分析建议书_${SHOP_A.name}_2026-Q1.pdf`, rows: null })
    const text = pdfText(await world.fetched(file))
    expect(text).toContain('消费投诉分析建议书')
    expect(text).toContain(SHOP_A.name)
    expect(text).toContain('价格') // the shop's most frequent problem, from the statistics
    expect(letterObjects()).toHaveLength(1)
  })

  it("when another site's station, a clerk or a malformed quarter asks, then it is refused and nothing is stored", async () => {
    const before = letterObjects().length
    expect(await asStaff('station-b', Q1)).toMatchObject({ ok: false, error: { code: 'MERCHANT_NOT_FOUND' } })
    expect(await asStaff('station-a', { ...Q1, quarter: '2026-Q5' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect(await callAs(world.deps, 'station', { action: 'letterPdf', ...Q1 }, { subject: 'clerk-a' })).toMatchObject({ ok: false })
    expect(letterObjects()).toHaveLength(before)
  })

  it('when the function has no outlet (the host), then it answers EXPORT_UNAVAILABLE after its checks', async () => {
    const outlet = world.deps.exportOutlet
    world.deps.exportOutlet = undefined
    try {
      expect(await asStaff('station-a', Q1)).toMatchObject({ ok: false, error: { code: 'EXPORT_UNAVAILABLE' } })
      expect(await asStaff('station-b', Q1)).toMatchObject({ ok: false, error: { code: 'MERCHANT_NOT_FOUND' } })
    } finally {
      world.deps.exportOutlet = outlet
    }
  })
})
