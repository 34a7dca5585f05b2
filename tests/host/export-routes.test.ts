import type { AddressInfo } from 'node:net'
import ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import { buildServer } from '../../cloudfunctions/host/server'
import type { Store } from '../../cloudfunctions/ports/store'
import { refreshStats } from '../../cloudfunctions/services/stats-upkeep'
import { CASE_COLUMNS } from '../../src/domain/exports/case-columns'
import { aSubmission } from '../support/builders'
import { callAs } from '../support/call-as'
import { browserLike } from '../support/http-client'
import { SHOP_A, SHOP_B, SITE_A, SITE_B, seedTwoShops } from '../support/seed-shops'
import { makeDeps, openTestStore } from '../support/test-deps'

// The download routes over real HTTP on loopback, as a browser with the staff cookie uses them: the case
// count in a header before the file, the file itself (CSV, and XLSX read back with exceljs), refusals as
// the usual JSON error before any byte, and a missing report font as a loud Chinese 503.

describe('export routes on the host', () => {
  let store: Store
  let app: FastifyInstance
  let base: string
  const previousFont = process.env.KS_REPORT_FONT

  beforeAll(async () => {
    process.env.KS_REPORT_FONT = '/nonexistent/ks-report-font.ttf' // read when the routes are registered
    store = await openTestStore()
    const deps = makeDeps(store)
    await seedTwoShops(store)
    const hash = await deps.secrets.hashPassword('correct horse')
    const at = deps.clock.now().toISOString()
    await store.saveStaff({
      id: 's-a',
      username: 'station-a',
      displayName: '星河站',
      role: 'station',
      siteId: SITE_A.id,
      passwordHash: hash,
      createdAt: at,
    })
    for (let i = 0; i < 3; i++) {
      deps.clock.advance(60_000)
      const r = await callAs(deps, 'consumer', aSubmission(SHOP_A.code, { name: `赵女士${i}` }), { subject: `s-${i}` })
      if (!r.ok) throw new Error(r.error.code)
    }
    await callAs(deps, 'consumer', aSubmission(SHOP_B.code), { subject: 's-b' })
    await refreshStats(deps, deps.clock.now())
    app = await buildServer(deps, { secureCookies: false, loginFailureDelayMs: 0, logLevel: 'silent' })
    await app.listen({ port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    process.env.KS_REPORT_FONT = previousFont
    await app.close()
    await store.close()
  })

  const signedIn = async () => {
    const browser = browserLike(base)
    const login = await browser.post('/auth/login', { username: 'station-a', password: 'correct horse' })
    expect(login.status).toBe(200)
    return browser
  }
  const range = 'from=2026-03-01&to=2026-03-31'

  it('when nobody is signed in, then a case export answers 401 and no file', async () => {
    const res = await fetch(`${base}/export/cases?${range}&format=csv`)
    expect(res.status).toBe(401)
    expect((await res.json()).error.code).toBe('UNAUTHENTICATED')
  })

  it("when station A asks for site B's cases, then 404 SITE_NOT_FOUND", async () => {
    const res = await (await signedIn()).request(`/export/cases?${range}&format=csv&siteId=${SITE_B.id}`)
    expect(res.status).toBe(404)
    expect((await res.json()).error.code).toBe('SITE_NOT_FOUND')
  })

  it('when station staff download the CSV, then the count comes first in a header and the file holds exactly those cases', async () => {
    const res = await (await signedIn()).request(`/export/cases?${range}&format=csv`)
    expect(res.status).toBe(200)
    expect(res.headers.get('x-export-rows')).toBe('3')
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('案件导出_星河广场_2026-03-01至2026-03-31.csv')}`,
    )
    const bytes = Buffer.from(await res.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // the BOM Excel needs to read UTF-8
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n')
    expect(lines[0]).toBe(CASE_COLUMNS.join(','))
    expect(lines.slice(1).map((l) => l.split(',')[CASE_COLUMNS.indexOf('被投诉方')])).toEqual(['味道小馆', '味道小馆', '味道小馆'])
    expect(lines.join('\n')).not.toContain('赵女士') // masked unless asked for
  })

  it('when station staff download the XLSX with personal data, then exceljs reads back every case with whole names', async () => {
    const res = await (await signedIn()).request(`/export/cases?${range}&format=xlsx&personal=1`)
    expect(res.status).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('案件')!
    const header = (sheet.getRow(1).values as unknown[]).slice(1)
    expect(header).toEqual([...CASE_COLUMNS])
    const names = [2, 3, 4].map((r) => sheet.getRow(r).getCell(CASE_COLUMNS.indexOf('投诉人') + 1).value)
    expect(names.sort()).toEqual(['赵女士0', '赵女士1', '赵女士2'])
    expect(sheet.rowCount).toBe(4)
  })

  it('when station staff download the statistics, then the workbook holds the figures of their site', async () => {
    const res = await (await signedIn()).request(`/export/stats?${range}&unit=month`)
    expect(res.status).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer)
    const figures = book.getWorksheet('分期指标')!
    expect(figures.getRow(2).getCell(1).value).toBe('2026-03')
    expect(figures.getRow(2).getCell(2).value).toBe(3) // site A's three cases, not site B's
    expect(book.getWorksheet('说明')!.getRow(2).getCell(2).value).toBe('星河广场')
  })

  it('when the report font is missing, then the monthly PDF answers 503 REPORT_FONT_MISSING in Chinese', async () => {
    const res = await (await signedIn()).request('/export/monthly.pdf?month=2026-03')
    expect(res.status).toBe(503)
    const body = await res.json()
    expect(body.error).toEqual({ code: 'REPORT_FONT_MISSING', message: expect.stringContaining('中文字体') })
  })
})
