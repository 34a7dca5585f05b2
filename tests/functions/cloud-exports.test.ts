import ExcelJS from 'exceljs'
import { cloudbaseExportOutlet } from '../../cloudfunctions/adapters/cloudbase/cloudbase-export-outlet'
import { openTableWriter } from '../../cloudfunctions/adapters/exports/table-writers'
import { pdfFrame } from '../../cloudfunctions/adapters/exports/pdf-frame'
import { afterTickPasses } from '../../cloudfunctions/services/after-tick'
import { cloudCaseExport } from '../../cloudfunctions/services/exports/cloud-exports'
import { resolveCaller } from '../../cloudfunctions/services/resolve-caller'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import { CASE_COLUMNS } from '../../src/domain/exports/case-columns'
import { sdkAppFor } from '../adapters/cloudbase/sdk-app'
import { callAs, type Data } from '../support/call-as'
import type { CloudbaseLoopback } from '../support/cloudbase-loopback'
import { aSubmission } from '../support/builders'
import { A_CASES, openCloudExportWorld, RANGE, type CloudExportWorld } from '../support/cloud-export-world'
import { SHOP_A, SITE_A, SITE_B } from '../support/seed-shops'

// 导出与报表 in CloudBase (docs/cloud-exports.md): each station action makes the host's file with the same
// services and writers, puts it into storage through the real @cloudbase/node-sdk (the loopback speaks its
// wire format: getUploadMetadata, the signed PUT, batchGetDownloadUrl) and answers a temporary URL that
// opens it. Read back as a shopper's phone would get it: over HTTP, XLSX through exceljs. The PDF reports are
// read with pdftotext in cloud-export-reports.systest.ts (poppler and the Chinese font: CI only).

describe('exports as station actions in CloudBase', () => {
  let world: CloudExportWorld
  let loopback: CloudbaseLoopback
  let store: CloudExportWorld['store']
  let deps: CloudExportWorld['deps']
  beforeAll(async () => {
    world = await openCloudExportWorld()
    ;({ loopback, store, deps } = world)
  })
  afterAll(() => world.close())

  const asStaff = (username: string, action: string, input: object) => world.asStaff(username, action, input)
  const exportObjects = () => world.exportObjects()
  const fetched = (file: Data) => world.fetched(file)
  async function workbook(bytes: Buffer) {
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(bytes as unknown as ArrayBuffer)
    return book
  }
  const caseSheetRows = async (bytes: Buffer) => {
    const rows: unknown[][] = []
    ;(await workbook(bytes)).getWorksheet('案件')?.eachRow((row) => void rows.push((row.values as unknown[]).slice(1)))
    return rows
  }

  it('when station staff export the cases as XLSX, then the file is in exports/<day>/ and a ten-minute temporary URL opens it', async () => {
    loopback.adminCalls.length = 0
    const r = await asStaff('station-a', 'exportCases', { ...RANGE, format: 'xlsx' })
    if (!r.ok) throw new Error(r.error.code)
    expect(r.data).toMatchObject({ fileType: 'xlsx', rows: A_CASES, fileName: `案件导出_${SITE_A.name}_2026-03-01至2026-03-31.xlsx` })
    const [path] = exportObjects().filter((k) => loopback.objects.get(k)?.length === r.data.bytes)
    expect(path).toMatch(/^exports\/2026-03-10\/id-\d{8}\.xlsx$/)
    const asked = loopback.adminCalls.filter((c) => c.action === 'storage.batchGetDownloadUrl').map((c) => c.body.file_list)
    expect(asked).toEqual([[{ fileid: `${loopback.prefix}${path}`, max_age: 600 }]])
    expect(r.data.expiresAt).toBe(new Date(deps.clock.now().getTime() + 600_000).toISOString())

    const rows = await caseSheetRows(await fetched(r.data))
    expect(rows[0]).toEqual([...CASE_COLUMNS])
    expect(rows).toHaveLength(A_CASES + 1) // site A's cases only, not site B's
  })

  it('when a station exports without personal data, then the complainant is masked and nothing is logged; with it, whole and logged per case', async () => {
    const nameAt = CASE_COLUMNS.indexOf('投诉人')
    const masked = await asStaff('station-a', 'exportCases', { ...RANGE, format: 'xlsx' })
    if (!masked.ok) throw new Error(masked.error.code)
    const maskedNames = (await caseSheetRows(await fetched(masked.data))).slice(1).map((r) => r[nameAt])
    expect(maskedNames).toEqual(Array(A_CASES).fill('李阿**'))
    const ids = (await store.listCasesForSite(SITE_A.id, { limit: 100, offset: 0 })).map((c) => c.id)
    for (const id of ids) expect((await store.listAccessOfCase(id)).filter((e) => e.purpose === 'export.cases')).toEqual([])

    const whole = await asStaff('station-a', 'exportCases', { ...RANGE, format: 'csv', personal: true })
    if (!whole.ok) throw new Error(whole.error.code)
    const text = (await fetched(whole.data)).toString('utf8')
    expect(text.startsWith('\ufeff')).toBe(true)
    expect(['李阿姨0', '李阿姨1', '李阿姨2'].every((n) => text.includes(n))).toBe(true)
    for (const id of ids) {
      const logged = (await store.listAccessOfCase(id)).filter((e) => e.purpose === 'export.cases')
      expect(logged.map((e) => e.viewer)).toEqual([{ role: 'station', id: 'staff-station-a' }])
    }
  })

  it("when a case export holds more cases than a cloud file may, then it comes as numbered files holding each case once, only a file's own cases are logged, and a number past the last is refused with nothing stored", async () => {
    const ctx = { caller: await resolveCaller(deps, { staffSessionToken: world.tokens.get('station-a') }), deps }
    const ids = (await store.listCasesForSite(SITE_A.id, { limit: 100, offset: 0 })).map((c) => c.id)
    const loggedTimes = async () =>
      Promise.all(ids.map(async (id) => (await store.listAccessOfCase(id)).filter((e) => e.purpose === 'export.cases').length))
    const numbersIn = async (file: Data) => (await caseSheetRows(await fetched(file))).slice(1).map((r) => String(r[0]))

    const logsBefore = await loggedTimes()
    const first = await cloudCaseExport(ctx, { ...RANGE, format: 'xlsx', personal: true, part: 1 }, 2)
    if (!first.ok) throw new Error(first.error.code)
    expect(first.data).toMatchObject({ rows: 2, part: { index: 1, of: 2, total: A_CASES } })
    expect(first.data.fileName).toBe(`案件导出_${SITE_A.name}_2026-03-01至2026-03-31_第1个共2个.xlsx`)
    const logsAfterFirst = await loggedTimes()
    expect(logsAfterFirst.reduce((a, b) => a + b, 0) - logsBefore.reduce((a, b) => a + b, 0)).toBe(2)

    // a shopper files while the station downloads: the next file keeps the first file's instant, so no window shifts
    deps.clock.advance(60_000)
    const late = await callAs(deps, 'consumer', aSubmission(SHOP_A.code, { name: '迟到的' }), { subject: 'shopper-late' })
    expect(late.ok).toBe(true)
    const until = first.data.part?.until
    const second = await cloudCaseExport(ctx, { ...RANGE, format: 'xlsx', part: 2, until }, 2)
    if (!second.ok) throw new Error(second.error.code)
    expect(second.data).toMatchObject({ rows: 1, part: { index: 2, of: 2, total: A_CASES, until } })
    expect(await loggedTimes()).toEqual(logsAfterFirst) // masked: nothing logged
    const numbers = [...(await numbersIn(first.data)), ...(await numbersIn(second.data))]
    const all = await store.listCasesForSite(SITE_A.id, { limit: 100, offset: 0 })
    expect(numbers).toEqual(all.slice(1).map((c) => c.caseNo)) // the host's order, each case once; not the late one

    const stored = exportObjects().length
    const past = await cloudCaseExport(ctx, { ...RANGE, format: 'xlsx', part: 3, until }, 2)
    expect(past.ok ? 'ok' : past.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { part: '这段时间共有 3 件，只有 2 个文件' } })
    expect(exportObjects()).toHaveLength(stored)
    const whole = await cloudCaseExport(ctx, { ...RANGE, format: 'xlsx', until }, 3)
    expect(whole.ok ? whole.data : whole.error).toMatchObject({
      rows: A_CASES,
      fileName: `案件导出_${SITE_A.name}_2026-03-01至2026-03-31.xlsx`,
    })
    expect(whole.ok && whole.data.part).toBeUndefined()
  })

  it('when the statistics are exported, then the XLSX holds the statistics sheets', async () => {
    const r = await asStaff('station-a', 'exportStats', { ...RANGE, unit: 'month' })
    if (!r.ok) throw new Error(r.error.code)
    expect(r.data).toMatchObject({ fileType: 'xlsx', rows: null })
    const names = (await workbook(await fetched(r.data))).worksheets.map((s) => s.name)
    expect(names).toEqual(expect.arrayContaining(['说明', '分期指标']))
  })

  it('when the phone has the file and discards it, then it is gone from storage and its link answers 404; a name outside exports/ is refused', async () => {
    const made = await asStaff('station-a', 'exportStats', { ...RANGE, unit: 'month' })
    if (!made.ok) throw new Error(made.error.code)
    expect(exportObjects()).toContain(`exports/${made.data.name}`)
    const discarded = await asStaff('station-a', 'discardExport', { name: made.data.name })
    expect(discarded).toEqual({ ok: true, data: { discarded: true } })
    expect(exportObjects()).not.toContain(`exports/${made.data.name}`)
    expect((await fetch(made.data.url)).status).toBe(404)
    expect(await asStaff('station-a', 'discardExport', { name: made.data.name })).toEqual({ ok: true, data: { discarded: true } })

    loopback.objects.set('evidence/0123456789abcdef.xlsx', Buffer.from('evidence'))
    for (const name of ['../evidence/0123456789abcdef.xlsx', 'evidence/0123456789abcdef.xlsx', '2026-03-10/../../evidence/x.xlsx']) {
      const r = await asStaff('station-a', 'discardExport', { name })
      expect(r.ok ? 'ok' : r.error.code).toBe('VALIDATION_FAILED')
    }
    expect(loopback.objects.has('evidence/0123456789abcdef.xlsx')).toBe(true)
    const shopper = await callAs(deps, 'station', { action: 'discardExport', name: made.data.name }, { subject: 'shopper-0' })
    expect(shopper.ok ? 'ok' : shopper.error.code).toBe('UNAUTHENTICATED')
  })

  it('when staff other than its maker discard a file, then it is refused and the file stays; its maker may', async () => {
    const made = await asStaff('station-a', 'exportStats', { ...RANGE, unit: 'month' })
    if (!made.ok) throw new Error(made.error.code)
    for (const other of ['station-b', 'reg-a', 'admin']) {
      const r = await asStaff(other, 'discardExport', { name: made.data.name })
      expect([other, r.ok ? 'ok' : r.error.code]).toEqual([other, 'FORBIDDEN'])
    }
    expect(exportObjects()).toContain(`exports/${made.data.name}`)
    expect(await store.getExportFile(made.data.name)).toMatchObject({ madeBy: 'staff:staff-station-a' })
    expect((await asStaff('station-a', 'discardExport', { name: made.data.name })).ok).toBe(true)
    expect(exportObjects()).not.toContain(`exports/${made.data.name}`)
    expect(await store.getExportFile(made.data.name)).toBeNull()
  })

  // object by object: every action, every caller outside the site or the role — and no file left behind
  const ACTIONS: [string, object][] = [
    ['exportCases', { ...RANGE, format: 'xlsx' }],
    ['exportStats', { ...RANGE, unit: 'month' }],
    ['monthlyReport', { month: '2026-03' }],
    ['quarterlyReport', { quarter: '2026-Q1' }],
  ]
  it.each(ACTIONS)(
    'when a shop clerk, a shopper or a proxy desk calls %s, then it is refused and nothing is stored',
    async (action, input) => {
      const before = exportObjects().length
      const clerk = await callAs(deps, 'station', { action, ...input, siteId: SITE_A.id }, { subject: 'clerk-a' })
      const shopper = await callAs(deps, 'station', { action, ...input, siteId: SITE_A.id }, { subject: 'shopper-0' })
      const proxy = await asStaff('proxy-a', action, { ...input, siteId: SITE_A.id })
      expect([clerk, shopper, proxy].map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'FORBIDDEN'])
      expect(exportObjects()).toHaveLength(before)
    },
  )

  it.each(ACTIONS)(
    'when station B or the regulator of site A names the other site in %s, then the site is not found',
    async (action, input) => {
      const before = exportObjects().length
      const b = await asStaff('station-b', action, { ...input, siteId: SITE_A.id })
      const reg = await asStaff('reg-a', action, { ...input, siteId: SITE_B.id })
      expect([b, reg].map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['SITE_NOT_FOUND', 'SITE_NOT_FOUND'])
      expect(exportObjects()).toHaveLength(before)
    },
  )

  it('when an administrator asks for the case list or the month report, then both are refused; the sites it may choose are every site', async () => {
    const cases = await asStaff('admin', 'exportCases', { ...RANGE, format: 'csv', personal: true })
    const month = await asStaff('admin', 'monthlyReport', { month: '2026-03' })
    expect([cases, month].map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['FORBIDDEN', 'FORBIDDEN'])
    const sites = await asStaff('admin', 'exportSites', {})
    expect(sites.ok ? sites.data.map((s: { id: string }) => s.id).sort() : sites.error.code).toEqual([SITE_A.id, SITE_B.id].sort())
    const own = await asStaff('station-a', 'exportSites', {})
    expect(own.ok ? own.data : own.error.code).toEqual([{ id: SITE_A.id, name: SITE_A.name }])
  })

  it('when this deployment has no export outlet (the local host streams instead), then the action says to export at the desk', async () => {
    const outlet = deps.exportOutlet
    deps.exportOutlet = undefined
    try {
      const r = await asStaff('station-a', 'exportCases', { ...RANGE, format: 'csv' })
      expect(r.ok ? 'ok' : r.error).toMatchObject({ code: 'EXPORT_UNAVAILABLE', message: expect.stringContaining('电脑') })
    } finally {
      deps.exportOutlet = outlet
    }
  })

  it('when storage is busy (rate limit, timeout), then the export answers SERVICE_UNAVAILABLE (retry), not INTERNAL', async () => {
    for (const [action, code] of [
      ['storage.getUploadMetadata', 'EXCEED_RATELIMIT'],
      ['storage.batchGetDownloadUrl', 'SERVER_TIMEOUT'],
    ] as const) {
      loopback.faults.set(action, { code, message: 'injected' })
      jest.spyOn(console, 'error').mockImplementation(() => {}) // the dispatcher logs the fault
      const r = await asStaff('station-a', 'exportStats', { ...RANGE, unit: 'month' })
      jest.restoreAllMocks()
      expect(r.ok ? 'ok' : r.error.code).toBe('SERVICE_UNAVAILABLE')
    }
  })

  it('when the function has no Chinese font, then a report answers REPORT_FONT_MISSING and the log says where it looked', async () => {
    const outlet = deps.exportOutlet
    const logged: string[] = []
    const writers = { openTable: openTableWriter, renderPdf: pdfFrame({ path: '/nonexistent/font.ttf' }) }
    deps.exportOutlet = cloudbaseExportOutlet(sdkAppFor(loopback), writers, (line) => void logged.push(line))
    try {
      const r = await asStaff('station-a', 'quarterlyReport', { quarter: '2026-Q1' })
      expect(r.ok ? 'ok' : r.error.code).toBe('REPORT_FONT_MISSING')
      expect(logged.join('\n')).toContain('/nonexistent/font.ttf')
    } finally {
      deps.exportOutlet = outlet
    }
  })

  // last: it moves the clock a day on
  it('when a made file was never discarded, then the tick deletes it and its record a day on; a younger file stays', async () => {
    const old = await asStaff('station-a', 'exportStats', { ...RANGE, unit: 'month' })
    deps.clock.advance(23 * 3600_000)
    const login = await loginStaff(deps, 'station-a', 'correct horse') // a day's session has run out
    if (!login.ok) throw new Error(login.error.code)
    world.tokens.set('station-a', login.data.token)
    const young = await asStaff('station-a', 'exportStats', { ...RANGE, unit: 'month' })
    if (!old.ok || !young.ok) throw new Error('export failed')
    deps.clock.advance(2 * 3600_000) // the old one is 25 hours old, the young one 2
    await afterTickPasses(deps, deps.clock.now())
    expect(exportObjects()).not.toContain(`exports/${old.data.name}`)
    expect(await store.getExportFile(old.data.name)).toBeNull()
    expect((await fetch(String(old.data.url))).status).toBe(404)
    expect(exportObjects()).toContain(`exports/${young.data.name}`)
    expect(await store.getExportFile(young.data.name)).toMatchObject({ madeBy: 'staff:staff-station-a' })
  })
})
