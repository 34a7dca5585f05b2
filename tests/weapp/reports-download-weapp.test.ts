// The 导出与报表 page's mini-program download (src/pages/station/reports/download.weapp.ts) on its own:
// the station function's answer (call) and WeChat's downloadFile/openDocument are stubbed, so each step —
// 正在生成, the download's progress, opening the file, each failure in Chinese — is visible.
import type { call as realCall } from '../../src/api/call'
import type { ExportFile } from '../../src/domain/exports/export-api'
import type { DownloadProgress } from '../../src/pages/station/reports/download'
import { untilTrue } from './support/turns'

interface DownloadCall {
  url: string
  success: (res: { tempFilePath: string; statusCode: number }) => void
  fail: (res: { errMsg: string }) => void
  progress?: (p: { progress: number; totalBytesWritten: number; totalBytesExpectedToWrite: number }) => void
}
const mockWx = {
  downloads: [] as DownloadCall[],
  opened: [] as { filePath: string; fileType: string; showMenu: boolean }[],
  openFails: false,
}
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    downloadFile: (options: Omit<DownloadCall, 'progress'>) => {
      const call: DownloadCall = { ...options }
      mockWx.downloads.push(call)
      return { onProgressUpdate: (cb: DownloadCall['progress']) => void (call.progress = cb) }
    },
    openDocument: (o: { filePath: string; fileType: string; showMenu: boolean; success: () => void; fail: () => void }) => {
      mockWx.opened.push({ filePath: o.filePath, fileType: o.fileType, showMenu: o.showMenu })
      if (mockWx.openFails) o.fail()
      else o.success()
    },
  },
}))
jest.mock('../../src/api/call', () => ({ call: jest.fn() }))

const { download } =
  require('../../src/pages/station/reports/download.weapp') as typeof import('../../src/pages/station/reports/download.weapp')
const call = (require('../../src/api/call') as { call: jest.MockedFunction<typeof realCall> }).call

const FILE: ExportFile = {
  name: '2026-03-10/abc-0000-0001.xlsx',
  url: 'https://6b75-kuaisu-prod-7g-1300000000.tcb.qcloud.la/exports/2026-03-10/abc.xlsx?sign=x&t=1',
  fileName: '案件导出_星河广场_2026-03-01至2026-03-31.xlsx',
  fileType: 'xlsx',
  bytes: 8192,
  rows: 40,
  expiresAt: '2026-03-10T02:10:00.000Z',
}
const CASES = { job: 'cases', from: '2026-03-01', to: '2026-03-31', format: 'xlsx', personal: true, siteId: 'site-a' } as const

/** the download WeChat was asked for, once download.weapp.ts has asked (after the function answered) */
async function nextDownload(): Promise<DownloadCall> {
  await untilTrue('Taro.downloadFile called', () => mockWx.downloads.length > 0)
  return mockWx.downloads[mockWx.downloads.length - 1]
}

beforeEach(() => {
  mockWx.downloads.length = 0
  mockWx.opened.length = 0
  mockWx.openFails = false
  call.mockReset()
})

test('when a case export is asked for, then the page says 正在生成, the function makes it, the download moves the bar and the file opens with its menu', async () => {
  call.mockResolvedValue({ ok: true, data: FILE })
  const seen: DownloadProgress[] = []
  const done = download(CASES, (p) => seen.push(p))
  const d = await nextDownload()
  expect(call).toHaveBeenCalledWith('station', 'exportCases', {
    from: '2026-03-01',
    to: '2026-03-31',
    format: 'xlsx',
    personal: true,
    siteId: 'site-a',
  })
  expect(d.url).toBe(FILE.url)
  d.progress?.({ progress: 50, totalBytesWritten: 4096, totalBytesExpectedToWrite: 8192 })
  d.success({ tempFilePath: 'wxfile://tmp_export.xlsx', statusCode: 200 })
  expect(await done).toEqual({ ok: true, data: { fileName: FILE.fileName, bytes: 8192, opened: true } })
  expect(seen).toEqual([
    { stage: 'making', bytes: 0, rows: null, total: null },
    { stage: 'receiving', bytes: 4096, rows: null, total: 40, expectedBytes: 8192 },
  ])
  expect(mockWx.opened).toEqual([{ filePath: 'wxfile://tmp_export.xlsx', fileType: 'xlsx', showMenu: true }])
  expect(call).toHaveBeenLastCalledWith('station', 'discardExport', { name: FILE.name }) // the stored copy goes once the phone has it
})

test('when the monthly report is asked for without a site, then monthlyReport gets the month only and the PDF opens', async () => {
  call.mockResolvedValue({ ok: true, data: { ...FILE, fileType: 'pdf', fileName: '月度工作动态_2026-03.pdf', rows: null } })
  const done = download({ job: 'monthly', month: '2026-03' }, () => undefined)
  ;(await nextDownload()).success({ tempFilePath: 'wxfile://tmp_report.pdf', statusCode: 200 })
  expect((await done).ok).toBe(true)
  expect(call).toHaveBeenCalledWith('station', 'monthlyReport', { month: '2026-03' })
  expect(mockWx.opened[0]).toMatchObject({ fileType: 'pdf' })
})

test('when a range holds more cases than one cloud file, then the numbered file asked for is made and its place among the files comes back for the page', async () => {
  const part = { index: 2, of: 2, total: 2400, until: '2026-03-10T02:00:00.000Z' }
  call.mockResolvedValue({ ok: true, data: { ...FILE, rows: 400, part } })
  const done = download({ ...CASES, part: 2, until: part.until }, () => undefined)
  ;(await nextDownload()).success({ tempFilePath: 'wxfile://tmp_export.xlsx', statusCode: 200 })
  expect(await done).toEqual({ ok: true, data: { fileName: FILE.fileName, bytes: 8192, opened: true, part } })
  expect(call).toHaveBeenCalledWith('station', 'exportCases', expect.objectContaining({ part: 2, until: part.until }))
})

test('when the function refuses (a file number past the last), then its Chinese words are what the page shows and nothing is downloaded', async () => {
  const refusal = {
    code: 'VALIDATION_FAILED',
    message: '请检查填写的内容',
    fields: { part: '这段时间共有 2400 件，只有 2 个文件' },
  } as const
  call.mockResolvedValue({ ok: false, error: refusal })
  expect(await download({ ...CASES, part: 3 }, () => undefined)).toEqual({ ok: false, error: refusal })
  expect(mockWx.downloads).toEqual([])
})

test('when the link has expired or the network drops, then the page says so in Chinese', async () => {
  call.mockResolvedValue({ ok: true, data: FILE })
  const expired = download(CASES, () => undefined)
  ;(await nextDownload()).success({ tempFilePath: '', statusCode: 403 })
  expect(await expired).toMatchObject({ ok: false, error: { message: '下载链接已失效，请重新导出' } })
  expect(call).not.toHaveBeenCalledWith('station', 'discardExport', expect.anything()) // not fetched: not discarded
  mockWx.downloads.length = 0
  const dropped = download(CASES, () => undefined)
  ;(await nextDownload()).fail({ errMsg: 'downloadFile:fail' })
  expect(await dropped).toMatchObject({ ok: false, error: { message: '文件下载失败，请检查网络后重试' } })
  expect(mockWx.opened).toEqual([])
})

test('when the phone cannot open the file, then the page says to export at the desk', async () => {
  call.mockResolvedValue({ ok: true, data: FILE })
  mockWx.openFails = true
  const done = download(CASES, () => undefined)
  ;(await nextDownload()).success({ tempFilePath: 'wxfile://tmp_export.xlsx', statusCode: 200 })
  expect(await done).toMatchObject({ ok: false, error: { message: '文件已下载，但手机无法打开它，请在电脑上导出' } })
})

test('when a CSV is asked for in the mini-program, then it is refused before the function is called (a phone cannot open one)', async () => {
  expect(await download({ ...CASES, format: 'csv' }, () => undefined)).toMatchObject({
    ok: false,
    error: { message: '手机上不能打开CSV文件，请选择Excel（XLSX）格式' },
  })
  expect(call).not.toHaveBeenCalled()
})
