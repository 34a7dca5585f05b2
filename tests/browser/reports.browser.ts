import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { CASE_COLUMNS } from '../../src/domain/exports/case-columns'
import { dayOf } from '../../src/domain/metrics/period'
import { current, DEMO_PASSWORD, seriousViolations, settled, shot, startHarness, type Harness } from './browser-harness'
import { pdfText, requirePoppler } from './support/pdf-tools'
import { seedStatsCases, STATS_CASES } from './support/stats-world'

// 导出与报表 at the desk (issue 18.5, 18.6), against the real host and the H5 build, with the demo seed's
// six cases (support/stats-world.ts): the station downloads the case list as XLSX from the page and it
// reads back (exceljs) as exactly those cases; it prints the month's 工作动态 as a PDF whose text
// (pdftotext) carries the title and the month's case count; axe finds nothing serious in either type size.
// Needs the system packages: Chromium, fonts-wqy-microhei (the PDF's font) and poppler-utils.
const DESK = { viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true }
const DAY_MS = 86_400_000

async function signIn(page: Page, base: string) {
  await page.goto(`${base}/#/pages/station/login/index`)
  await settled(page)
  await current(page).getByRole('textbox', { name: '用户名' }).fill('station')
  await current(page).getByLabel('密码').fill(DEMO_PASSWORD)
  await current(page).getByRole('button', { name: '登录' }).click()
  await current(page).getByRole('heading', { name: '维权站工作台' }).waitFor()
  await settled(page)
}

/** Press a button on the page and keep the file the browser downloads. */
async function downloadVia(page: Page, button: string, dir: string): Promise<{ path: string; name: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    current(page).getByRole('button', { name: button, exact: true }).click(),
  ])
  const path = join(dir, file.suggestedFilename())
  await file.saveAs(path)
  return { path, name: file.suggestedFilename() }
}

describe('H5 — 导出与报表 (station, at the desk)', () => {
  let h: Harness
  let page: Page
  const dir = mkdtempSync(join(tmpdir(), 'ks-reports-'))
  // the seed files its cases an hour back from now, each `daysAgo` earlier (support/stats-world.ts)
  const seededAt = Date.now() - 60 * 60_000
  const dayOfCase = (daysAgo: number) => dayOf(new Date(seededAt - daysAgo * DAY_MS))

  beforeAll(async () => {
    requirePoppler()
    h = await startHarness({ beforeBoot: seedStatsCases })
    page = await (await h.browser.newContext(DESK)).newPage()
    await signIn(page, h.base)
    await page.goto(`${h.base}/#/pages/station/reports/index`)
    await current(page).getByRole('heading', { level: 1, name: '导出与报表' }).waitFor()
    await settled(page)
  })
  afterAll(async () => {
    await h?.close()
  })

  it('when the station downloads the cases as XLSX, then the file reads back as exactly the seeded cases', async () => {
    const form = current(page)
    await form.getByRole('textbox', { name: '开始日期' }).fill(dayOfCase(60))
    await form.getByRole('textbox', { name: '结束日期' }).fill(dayOfCase(0))
    await form.getByRole('radio', { name: 'Excel（XLSX）' }).click()
    const file = await downloadVia(page, '导出案件', dir)
    expect(file.name).toMatch(/^案件导出_.+\.xlsx$/)
    await form.getByText(`导出案件已下载：${file.name}`).waitFor()

    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(file.path)
    const sheet = book.getWorksheet('案件')!
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...CASE_COLUMNS])
    const cell = (row: number, column: (typeof CASE_COLUMNS)[number]) =>
      String(sheet.getRow(row).getCell(CASE_COLUMNS.indexOf(column) + 1).value ?? '')
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => i + 2)
    const exported = rows.map((r) => `${cell(r, '被投诉方')}|${cell(r, '问题类别')}`).sort()
    expect(exported).toEqual(STATS_CASES.map((c) => `${c.shop.name}|${c.problemType}`).sort())
    expect(rows.map((r) => cell(r, '投诉人'))).toEqual(STATS_CASES.map(() => '李**')) // 李阿姨, masked: personal data was not asked for
    expect(rows.every((r) => /^KS/.test(cell(r, '编号')))).toBe(true)
  })

  it("when the station prints the month's 工作动态, then pdftotext finds the title and the month's case count", async () => {
    const month = dayOfCase(0).slice(0, 7)
    const inMonth = STATS_CASES.filter((c) => dayOfCase(c.daysAgo).startsWith(month)).length
    await current(page).getByRole('textbox', { name: '月份' }).fill(month)
    const file = await downloadVia(page, '月度工作动态', dir)
    const text = pdfText(file.path)
    const [y, m] = month.split('-').map(Number)
    expect(text).toContain(`${y}年${m}月工作动态`)
    expect(text).toMatch(new RegExp(`收到投诉举报\\s+${inMonth}\\s*件`)) // pdftotext may drop the space
    expect(text).toContain('超期案件及原因')
    expect(text).toMatch(/第\s*1\s*页\s*\/\s*共\s*\d+\s*页/)
  })

  it("when the station prints the quarter's 形势分析, then pdftotext finds the title and the hottest line from the statistics", async () => {
    const [y, m] = dayOfCase(0).split('-').map(Number)
    const q = Math.floor((m - 1) / 3) + 1
    await current(page).getByRole('textbox', { name: '季度' }).fill(`${y}-Q${q}`)
    const file = await downloadVia(page, '季度形势分析', dir)
    const text = pdfText(file.path)
    expect(text).toContain(`${y}年第${'一二三四'[q - 1]}季度消费投诉形势分析`)
    expect(text).toContain('被投诉商户排行')
    expect(text).toContain('味道小馆') // three of the seeded cases: at the top of its line
  })

  it('when personal data is asked for, then the page says it will be on record; axe finds nothing serious in either type size', async () => {
    await current(page).getByRole('switch', { name: '含投诉人信息' }).click()
    await current(page).getByText('导出含投诉人信息，将记入访问日志').waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'reports-01-desk')
    const toggle = current(page).getByRole('switch', { name: '大字模式' })
    await toggle.click()
    await current(page).locator('.page--elderly').waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'reports-02-elderly')
    await toggle.click()
    await current(page).locator('.page--elderly').waitFor({ state: 'detached' })
  })
})
