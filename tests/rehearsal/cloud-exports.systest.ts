// 导出与报表 through the station bundle that ships (docs/cloud-exports.md): built by scripts/build-functions.ts,
// run in a plain Node process with only CloudBase's variables (exceljs and pdfkit resolve as CloudBase
// installs them, beside the bundle), called as CloudBase calls it — the station's OPENID in the context —
// against the loopback's database and storage. What the bundler could break is checked here: pdfkit's
// own font metrics, exceljs's zip, the outlet wired by the station entry alone.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { DEFAULT_REPORT_FONT } from '../../cloudfunctions/adapters/exports/pdf-frame'
import { dayOf } from '../../src/domain/metrics/period'
import { pdfText, requirePoppler } from '../browser/support/pdf-tools'
import { aSubmission } from '../support/builders'
import { wxContext } from '../support/cloud-context'
import { buildBundles, provisionedCloud, runInCloud, type BuiltBundles } from '../support/cloud-rehearsal'

const PEOPLE = ['root', 'station', 'shopper'] as const
const openIdOf = (who: (typeof PEOPLE)[number]) => `o-exports-${who}`

const JOURNEY = `
const [bundles, contextOf, given] = process.argv.slice(2).map((a) => JSON.parse(a))
const mains = Object.fromEntries(Object.entries(bundles).map(([name, file]) => [name, require(file).main]))
const call = async (fn, event, who) => {
  const result = await mains[fn](event, contextOf[who])
  if (!result.ok) throw new Error(fn + '.' + event.action + ': ' + result.error.code)
  return result.data
}
;(async () => {
  const site = await call('staff', { action: 'saveSite', name: '滨江天街', address: '江南大道1号', hotline: '0571-86660000' }, 'root')
  const station = await call('staff', { action: 'createStaff', username: 'bj.station', displayName: '滨江站 王芳', role: 'station', siteId: site.id }, 'root')
  const saved = await call('registry', { action: 'saveMerchant', siteId: site.id, name: '味道小馆', uscc: '91330106MA2K00001K', industry: '食品', address: '江南大道1号', booth: 'B1-08' }, 'root')
  const issued = await call('staff', { action: 'issueBindingCode', staffId: station.id }, 'root')
  await call('staff', { action: 'bindByCode', code: issued.code }, 'station')
  await call('consumer', { ...given.submission, merchantCode: saved.merchant.code }, 'shopper')
  const cases = await call('station', { action: 'exportCases', from: given.day, to: given.day, format: 'xlsx', personal: false }, 'station')
  const month = await call('station', { action: 'monthlyReport', month: given.day.slice(0, 7) }, 'station')
  const refused = await mains.station({ action: 'exportCases', from: given.day, to: given.day, format: 'xlsx' }, contextOf.shopper)
  console.log(JSON.stringify({ cases, month, refused: refused.ok ? 'ok' : refused.error.code, siteName: site.name }))
})().catch((err) => console.log(JSON.stringify({ threw: String((err && err.stack) || err) })))
`

let bundles: BuiltBundles
beforeAll(() => {
  requirePoppler() // pdftotext reads the report back (CI installs poppler-utils and fonts-wqy-microhei)
  bundles = buildBundles('kuaisu-exports-rehearsal-')
}, 180_000)
afterAll(() => bundles.remove())

test('when the shipped station bundle exports in CloudBase, then its XLSX and PDF open from the temporary links and a shopper gets nothing', async () => {
  expect({ status: bundles.status, stderr: bundles.stderr }).toMatchObject({ status: 0 })
  const cloud = await provisionedCloud()
  try {
    const contexts = Object.fromEntries(PEOPLE.map((who) => [who, wxContext(openIdOf(who))]))
    const given = { submission: aSubmission('TO-BE-SET', { name: '赵女士' }), day: dayOf(new Date()) }
    const result = (await runInCloud(
      bundles,
      cloud,
      JOURNEY,
      [bundles.paths(['staff', 'registry', 'consumer', 'station']), contexts, given],
      {
        FIRST_ADMIN_OPENID: openIdOf('root'),
        KS_REPORT_FONT: DEFAULT_REPORT_FONT, // in CloudBase: a font in a layer under /opt (docs/cloud-exports.md)
      },
    )) as { cases: { url: string; rows: number }; month: { url: string }; refused: string; siteName: string }
    expect(result).toMatchObject({ cases: { fileType: 'xlsx', rows: 1 }, month: { fileType: 'pdf' }, refused: 'UNAUTHENTICATED' })
    expect([...cloud.loopback.objects.keys()].filter((k) => k.startsWith('exports/'))).toHaveLength(2)

    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await (await fetch(result.cases.url)).arrayBuffer()) as ArrayBuffer)
    const sheet = book.getWorksheet('案件')
    expect(sheet?.rowCount).toBe(2) // the header and the one case
    expect(JSON.stringify(sheet?.getRow(2).values)).toContain('赵**') // masked: personal data not asked for

    const pdf = join(mkdtempSync(join(tmpdir(), 'ks-rehearsal-pdf-')), 'month.pdf')
    writeFileSync(pdf, Buffer.from(await (await fetch(result.month.url)).arrayBuffer()))
    const text = pdfText(pdf)
    expect(text).toContain('工作动态')
    expect(text).toContain(result.siteName)
  } finally {
    await cloud.close()
  }
}, 120_000)
