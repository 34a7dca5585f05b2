// The mini-program's upload (src/api/upload.weapp.ts) on its own: Taro.cloud.uploadFile and the
// gateway's call() are stubbed, so each step — path, progress, registration, failure — is visible.
// The built app doing the same end to end is in voice-evidence-upload.test.ts.
import type { call as realCall } from '../../src/api/call'
import type { LocalFile } from '../../src/api/upload'
import { UPLOAD_PATH } from '../../src/domain/api/contract'
import type { EvidenceView } from '../../src/domain/evidence.schema'
import { untilTrue } from './support/turns'

interface UploadCall {
  cloudPath: string
  filePath: string
  success: (res: { fileID: string; statusCode: number; errMsg: string }) => void
  fail: (res: { errMsg: string }) => void
  progress?: (res: { progress: number; totalBytesSent: number; totalBytesExpectedToSend: number }) => void
  aborted: boolean
}

const mockWx = {
  uploads: [] as UploadCall[],
  inits: [] as unknown[],
  random: true,
}
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    cloud: {
      init: (options: unknown) => void mockWx.inits.push(options),
      uploadFile: (options: Omit<UploadCall, 'aborted' | 'progress'>) => {
        const call: UploadCall = { ...options, aborted: false }
        mockWx.uploads.push(call)
        return { onProgressUpdate: (cb: UploadCall['progress']) => void (call.progress = cb), abort: () => void (call.aborted = true) }
      },
    },
    get getRandomValues() {
      if (!mockWx.random) return undefined
      return ({ length, success }: { length: number; success: (r: { randomValues: ArrayBuffer }) => void }) =>
        success({ randomValues: Uint8Array.from({ length }, (_, i) => (i * 17 + 5) & 255).buffer })
    },
  },
}))
jest.mock('../../src/api/call', () => ({ call: jest.fn() }))

const { uploadEvidence, uploadAvailable } = require('../../src/api/upload.weapp') as typeof import('../../src/api/upload.weapp')
const call = (require('../../src/api/call') as { call: jest.MockedFunction<typeof realCall> }).call

const PHOTO: LocalFile = { name: 'IMG_0001.JPG', size: 2048, type: 'image/jpeg', path: 'wxfile://tmp_abc.jpg' }
const FILE_ID = (path: string) => `cloud://kuaisu-prod-7g.6b75-kuaisu-prod-7g-1300000000/${path}`
const VIEW: EvidenceView = {
  id: 'ev-1',
  kind: 'photo',
  mime: 'image/jpeg',
  bytes: 1900,
  sha256: 'c'.repeat(64),
  displayName: 'IMG_0001.JPG',
  url: null,
}
/** the upload wx.cloud.uploadFile got, once it got one (after the path is drawn and cloud init) */
const lastUpload = async () => {
  await untilTrue('wx.cloud.uploadFile called', () => mockWx.uploads.length > 0)
  return mockWx.uploads.at(-1)!
}

beforeEach(() => {
  mockWx.uploads.length = 0
  mockWx.random = true
  call.mockReset()
})

test('when the client has cloud storage, then upload is available', () => {
  expect(uploadAvailable).toBe(true)
})

test('when a photo is uploaded, then it goes to uploads/<128 random bits>/file.jpg with progress, is registered, and its EvidenceView comes back', async () => {
  call.mockResolvedValue({ ok: true, data: VIEW })
  const progress: number[] = []
  const task = uploadEvidence(PHOTO, 'photo', (p) => progress.push(p))
  const upload = await lastUpload()
  expect(mockWx.inits).toEqual([{ env: undefined, traceUser: true }]) // cloud ready before the first upload
  expect(upload.cloudPath).toBe(
    `uploads/${Array.from({ length: 16 }, (_, i) => ((i * 17 + 5) & 255).toString(16).padStart(2, '0')).join('')}/file.jpg`,
  )
  expect(upload.cloudPath).toMatch(UPLOAD_PATH)
  expect(upload.filePath).toBe(PHOTO.path)

  upload.progress!({ progress: 40, totalBytesSent: 800, totalBytesExpectedToSend: 2048 })
  upload.progress!({ progress: 100, totalBytesSent: 2048, totalBytesExpectedToSend: 2048 })
  upload.success({ fileID: FILE_ID(upload.cloudPath), statusCode: 204, errMsg: 'cloud.uploadFile:ok' })
  expect(await task.done).toEqual({ ok: true, data: VIEW })
  expect(progress).toEqual([40, 99]) // 100 only once the function has taken it in
  expect(call).toHaveBeenCalledWith('consumer', 'registerUpload', {
    fileId: FILE_ID(upload.cloudPath),
    kind: 'photo',
    displayName: 'IMG_0001.JPG',
  })
})

test('when the function refuses the file, then its Chinese message is what the form shows', async () => {
  call.mockResolvedValue({ ok: false, error: { code: 'UNSUPPORTED_FILE_TYPE', message: '不支持这种文件，请上传照片、视频、录音或PDF' } })
  const task = uploadEvidence({ ...PHOTO, name: 'notes.txt', path: 'wxfile://tmp_notes.txt' }, 'receipt', () => undefined)
  const upload = await lastUpload()
  expect(upload.cloudPath).toMatch(/\/file\.txt$/)
  upload.success({ fileID: FILE_ID(upload.cloudPath), statusCode: 204, errMsg: 'cloud.uploadFile:ok' })
  expect(await task.done).toEqual({
    ok: false,
    error: { code: 'UNSUPPORTED_FILE_TYPE', message: '不支持这种文件，请上传照片、视频、录音或PDF' },
  })
})

test('when the registration does not get through, then the form says the file was not saved and to try again', async () => {
  call.mockResolvedValue({ ok: false, error: { code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试' } })
  const task = uploadEvidence(PHOTO, 'photo', () => undefined)
  const upload = await lastUpload()
  upload.success({ fileID: FILE_ID(upload.cloudPath), statusCode: 204, errMsg: 'cloud.uploadFile:ok' })
  expect(await task.done).toEqual({ ok: false, error: { code: 'NETWORK_ERROR', message: '文件没有保存成功，请重试' } })
})

test('when the upload itself fails, then the form says so in Chinese and nothing is registered', async () => {
  const task = uploadEvidence(PHOTO, 'photo', () => undefined)
  ;(await lastUpload()).fail({ errMsg: 'cloud.uploadFile:fail network error' })
  expect(await task.done).toEqual({ ok: false, error: { code: 'NETWORK_ERROR', message: '上传没有成功，请检查网络后重试' } })
  expect(call).not.toHaveBeenCalled()
})

test('when the person removes the file while it uploads, then the upload is aborted and nothing is registered', async () => {
  const task = uploadEvidence(PHOTO, 'photo', () => undefined)
  const upload = await lastUpload()
  task.abort()
  expect(upload.aborted).toBe(true)
  upload.fail({ errMsg: 'cloud.uploadFile:fail abort' })
  expect(await task.done).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: '已取消上传' } })
  expect(call).not.toHaveBeenCalled()
})

test('when WeChat is too old for getRandomValues, then the path still carries 32 hex digits, different each time', async () => {
  mockWx.random = false
  uploadEvidence(PHOTO, 'photo', () => undefined)
  const first = (await lastUpload()).cloudPath
  uploadEvidence({ ...PHOTO, name: 'voice', path: 'wxfile://tmp/rec.mp3' }, 'audio', () => undefined)
  await untilTrue('the second upload started', () => mockWx.uploads.length === 2)
  const second = mockWx.uploads[1].cloudPath
  expect([first, second].every((p) => UPLOAD_PATH.test(p))).toBe(true)
  expect(second).toMatch(/\/file\.mp3$/) // no extension in the name: taken from the temp path
  expect(first.slice(8, 40)).not.toBe(second.slice(8, 40))
})

test('when a file has no temp path, then it is refused at once with a Chinese message', async () => {
  expect(await uploadEvidence({ name: 'x.jpg', size: 1, type: 'image/jpeg' }, 'photo', () => undefined).done).toEqual({
    ok: false,
    error: { code: 'EVIDENCE_NOT_FOUND', message: '找不到这个文件，请重新选择' },
  })
})
