import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { DEMO_MERCHANTS, DEMO_SITE } from '../../cloudfunctions/seed/demo-data'
import { usccCheckChar } from '../../src/domain/merchant/uscc'
import { current, seriousViolations, settled, shot, SHOTS, startHarness, type Harness } from './browser-harness'
import { pdfPageCount, pdfPageToPng, pdfText, requirePoppler } from './support/pdf-tools'
import { expectedQrDataUrl, moduleMismatches } from './support/qr-matrix'
import { openMerchantFromList, signInStation } from './support/station-session'

// Issue 5 items 1 and 5 in the station's browser: a CSV of a few more shops (two good rows, two
// bad) is imported with each bad row's reasons shown; then the whole site's A4 posters are printed
// to PDF — one page per shop, each with the shop's name, the commitment in words, the station's
// phone and a QR that carries exactly that shop's entry URL — and one shop's poster on its own.
const COMMITMENT = '45分钟内响应 · 90分钟内到场'

/** A valid unified social credit code from 17 characters (the 18th is the GB 32100 check character). */
const uscc = (first17: string) => `${first17}${usccCheckChar(first17)}`

const NEW_SHOPS = [
  { name: '甜心烘焙坊', uscc: uscc('91330106MA2K0009X'), booth: '1F-15', industry: '食品', signed: '是' },
  { name: '书香文具店', uscc: uscc('92330108MA2T0009Y'), booth: '2F-03', industry: '一般消费纠纷', signed: '否' },
]
const CSV = [
  '店铺名称,统一社会信用代码,地址,铺位号,行业,已签署双承诺,联系人,联系电话',
  ...NEW_SHOPS.map((s) => `${s.name},${s.uscc},星河路88号,${s.booth},${s.industry},${s.signed},李经理,13900000011`),
  '坏行一号,91330106MA2K00001X,星河路88号,1F-16,食品,是,,',
  ',,星河路88号,1F-17,外星产业,也许,,123',
].join('\n')

async function printToPdf(page: Page, name: string): Promise<string> {
  const file = join(SHOTS, `${name}.pdf`)
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }))
  return file
}

/** Every QR on the page is drawn, so nothing prints blank. */
async function qrsDrawn(page: Page, count: number) {
  await page.waitForFunction((n) => {
    const images = Array.from(document.querySelectorAll<HTMLImageElement>('.posters-page img.qr-image'))
    return images.length === n && images.every((img) => img.complete && img.naturalWidth > 0)
  }, count)
}

describe('H5 — the station imports shops from CSV and prints QR posters', () => {
  let h: Harness
  let station: Page

  beforeAll(async () => {
    requirePoppler()
    h = await startHarness()
    station = await (await h.phone()).newPage()
    await signInStation(station, h.base)
  })
  afterAll(async () => {
    await h?.close()
  })

  it('when a CSV with two good and two bad rows is pasted, then two shops are added and each bad row is listed with its reasons', async () => {
    await current(station).getByRole('button', { name: '商户管理' }).click()
    await current(station).getByRole('button', { name: '导入CSV' }).click()
    await current(station).getByRole('heading', { name: '导入商户（CSV）' }).waitFor()
    await settled(station)
    await current(station).getByRole('textbox', { name: '表格内容（CSV）' }).fill(CSV)
    await current(station).getByText('共 5 行（含表头）').waitFor()
    await current(station).getByRole('button', { name: '开始导入' }).click()

    const summary = current(station).locator('.import-result__summary')
    await expect(summary.innerText()).resolves.toMatch(/^新增\s*2\s*家，更新\s*0\s*家，2 行未导入$/)
    const row4 = current(station).locator('.import-result__row[data-row="4"]')
    const row5 = current(station).locator('.import-result__row[data-row="5"]')
    await expect(row4.innerText()).resolves.toContain('统一社会信用代码')
    const row5Text = await row5.innerText()
    expect(row5Text).toContain('店铺名称')
    expect(row5Text).toContain('行业')
    expect(row5Text).toContain('联系电话')
    await expect(current(station).locator('.import-result__row').count()).resolves.toBe(2)
    await summary.scrollIntoViewIfNeeded()
    await shot(station, 'posters-01-csv-import')
    expect(await seriousViolations(station)).toEqual([])

    // the same table chosen as a file (UTF-8 with the BOM Excel writes) fills the box; importing it
    // again adds nothing twice
    await current(station)
      .getByLabel('选择CSV文件')
      .setInputFiles({ name: 'mall.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${CSV}`, 'utf8') })
    await current(station).getByText('已读取文件：mall.csv').waitFor()
    await expect(current(station).getByRole('textbox', { name: '表格内容（CSV）' }).inputValue()).resolves.toBe(CSV)
    await current(station).getByRole('button', { name: '开始导入' }).click()
    await expect(summary.innerText()).resolves.toMatch(/^新增\s*0\s*家，更新\s*0\s*家，2 行未导入$/)
  })

  it('when the whole site is printed, then the PDF has one A4 page per shop with its name, the commitment, the hotline and its own QR', async () => {
    await current(station).getByRole('button', { name: '返回商户列表' }).click()
    await current(station).getByRole('heading', { name: '商户管理' }).waitFor()
    await settled(station)
    const shops = DEMO_MERCHANTS.length + NEW_SHOPS.length
    await current(station).getByText(`共 ${shops} 家商户`).waitFor()
    await current(station).getByRole('button', { name: '批量打印海报' }).click()
    await current(station).getByRole('heading', { name: '打印海报' }).waitFor()
    await settled(station)
    await qrsDrawn(station, shops)
    await shot(station, 'posters-02-preview')
    expect(await seriousViolations(station)).toEqual([])

    // each QR is the one for its own shop's entry URL: the exact image, and the pixels on screen
    for (const m of DEMO_MERCHANTS) {
      const img = current(station).locator(`.poster-sheet[data-merchant="${m.code}"] img.qr-image`)
      await expect(img.getAttribute('src')).resolves.toBe(await expectedQrDataUrl(`${h.base}/s/${m.code}`))
    }
    const first = DEMO_MERCHANTS[0]
    const firstQr = current(station).locator(`.poster-sheet[data-merchant="${first.code}"] img.qr-image`)
    const pixels = await firstQr.screenshot()
    expect(moduleMismatches(pixels, `${h.base}/s/${first.code}`).mismatches).toBe(0)
    expect(moduleMismatches(pixels, `${h.base}/s/${DEMO_MERCHANTS[1].code}`).mismatches).toBeGreaterThan(20)

    const pdf = await printToPdf(station, 'posters-site')
    expect(pdfPageCount(pdf)).toBe(shops)
    const text = pdfText(pdf)
    for (const name of [...DEMO_MERCHANTS.map((m) => m.name), ...NEW_SHOPS.map((s) => s.name)]) expect(text).toContain(name)
    // every demo shop signed; of the imported ones only the bakery did: 7 promises on 8 posters
    expect(text.split(COMMITMENT).length - 1).toBe(DEMO_MERCHANTS.length + 1)
    expect(text.split(DEMO_SITE.hotline).length - 1).toBe(shops)
    expect(text.split('扫码投诉 无需注册').length - 1).toBe(shops)
    // pages are in list order and never split: each page holds exactly one shop's name
    const pages = text.split('\f').filter((p) => p.trim())
    expect(pages).toHaveLength(shops)
    for (const page of pages)
      expect(DEMO_MERCHANTS.filter((m) => page.includes(m.name)).length + NEW_SHOPS.filter((s) => page.includes(s.name)).length).toBe(1)
    pdfPageToPng(pdf, 1, join(SHOTS, 'posters-03-pdf-page1'))
  })

  it('when one shop’s poster is printed from its page, then the PDF is that one page', async () => {
    await current(station).getByRole('button', { name: '返回' }).click()
    await current(station).getByRole('heading', { name: '商户管理' }).waitFor()
    await settled(station)
    const shop = DEMO_MERCHANTS[2]
    await openMerchantFromList(station, shop.name)
    await current(station).getByRole('button', { name: '打印本店海报' }).click()
    await current(station)
      .getByRole('heading', { name: `打印海报：${shop.name}` })
      .waitFor()
    await settled(station)
    await qrsDrawn(station, 1)
    const pdf = await printToPdf(station, 'posters-one')
    expect(pdfPageCount(pdf)).toBe(1)
    const text = pdfText(pdf)
    expect(text).toContain(shop.name)
    expect(text).toContain(COMMITMENT)
    expect(text).toContain(DEMO_SITE.hotline)
    for (const other of DEMO_MERCHANTS.filter((m) => m.code !== shop.code)) expect(text).not.toContain(other.name)
    pdfPageToPng(pdf, 1, join(SHOTS, 'posters-04-pdf-one'))
  })
})
