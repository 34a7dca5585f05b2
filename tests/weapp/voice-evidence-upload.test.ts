/** @jest-environment jsdom */
// The built mini-program (dist/weapp) saving evidence through cloud storage: a spoken segment's
// recording is uploaded with wx.cloud.uploadFile and registered with consumer.registerUpload, and the
// evidence row shows the outcome. The fake `wx` here has cloud storage (the one in fake-wx.ts alone
// does not, which is how the other weapp tests see a client without upload).
import { createFakeWx, type CloudCall } from './support/fake-wx'
import { assertWeappBuilt, bootApp } from './support/mini-program'
import { hostPage, type OpenedPage, type PageHost } from './support/page-host'
import { failOnConsoleNoise } from './support/console-noise'
import { installWechatSi, type WechatSiControl } from './support/wechat-si-stub'

assertWeappBuilt()

const ROUTE = 'pages/consumer/complain/index'
const SHOP = { code: 'YXCS26', name: '优选生活超市' }
const DRAFT_KEY = `kuaisu:draft:${SHOP.code}`
const BUCKET = 'cloud://kuaisu-prod-7g.6b75-kuaisu-prod-7g-1300000000/'
const REFUSED = { code: 'UNSUPPORTED_FILE_TYPE', message: '不支持这种文件，请上传照片、视频、录音或PDF' }

let registerAnswer: 'accept' | 'refuse' = 'accept'
function consumerFunction({ name, data }: CloudCall) {
  if (name === 'consumer' && data.action === 'getMerchantEntry') {
    return {
      ok: true,
      data: {
        merchant: { code: SHOP.code, name: SHOP.name, industry: '商超', address: '星河路88号 B1-01', booth: 'B1-01' },
        site: { name: '星河广场', hotline: '0571-88812315' },
      },
    }
  }
  if (name === 'consumer' && data.action === 'registerUpload') {
    if (registerAnswer === 'refuse') return { ok: false, error: REFUSED }
    return {
      ok: true,
      data: {
        id: 'ev-voice-1',
        kind: data.kind,
        mime: 'audio/mpeg',
        bytes: 30000,
        sha256: 'd'.repeat(64),
        displayName: data.displayName,
        url: null,
      },
    }
  }
  return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } }
}

const fake = createFakeWx(consumerFunction)
const uploads: { cloudPath: string; filePath: string }[] = []
const cloud = fake.wx.cloud as Record<string, unknown>
// wx.cloud.uploadFile with callbacks returns an UploadTask; progress, then success with the fileID
cloud.uploadFile = (options: { cloudPath: string; filePath: string; success: (r: unknown) => void }) => {
  if (fake.cloudInits.length === 0) throw new Error('请先调用 wx.cloud.init() 完成初始化后再调用其他云 API')
  uploads.push({ cloudPath: options.cloudPath, filePath: options.filePath })
  let onProgress: ((r: { progress: number }) => void) | undefined
  setTimeout(() => onProgress?.({ progress: 50 }), 0)
  setTimeout(() => options.success({ fileID: BUCKET + options.cloudPath, statusCode: 204, errMsg: 'cloud.uploadFile:ok' }), 0)
  return { onProgressUpdate: (cb: typeof onProgress) => void (onProgress = cb), abort: () => undefined }
}
fake.wx.getRandomValues = ({ length, success }: { length: number; success: (r: { randomValues: ArrayBuffer }) => void }) =>
  success({ randomValues: new Uint8Array(length).map((_, i) => 0xa0 + i).buffer })

let si: WechatSiControl
let host: PageHost
let page: OpenedPage | undefined

beforeAll(() => {
  si = installWechatSi()
  bootApp(fake.wx, { path: ROUTE, query: { scene: SHOP.code } })
  host = hostPage(ROUTE)
})
afterAll(() => host?.dispose())
failOnConsoleNoise()

beforeEach(() => {
  fake.reset()
  si.reset()
  uploads.length = 0
})
afterEach(() => {
  page?.close()
  page = undefined
})

type StoredEvidence = { kind: string; name: string; id: string | null; status: string; error?: string }
const storedEvidence = () => (fake.storage.get(DRAFT_KEY) as { evidence: StoredEvidence[] } | undefined)?.evidence ?? []
const registrations = () => fake.cloudCalls.filter((c) => c.data.action === 'registerUpload')

/** Opens the form, speaks one segment and lets the (stub) plugin finish it with a recording. */
async function speakOneSegment(): Promise<OpenedPage> {
  page = host.open({ scene: SHOP.code })
  const p = page
  await p.settle('shop shown', () => p.text().includes(SHOP.name))
  p.tap(p.find('.voice-button'))
  await p.settle('recording', () => si.manager.starts.length === 1 && p.text().includes('停止录音'))
  p.tap(p.find('.voice-button'))
  await p.settle('stop asked', () => si.manager.stops === 1)
  si.manager.onStop!({ tempFilePath: 'wxfile://tmp/voice-1.mp3', duration: 4000, fileSize: 32000, result: '牛奶过期了，要求退款。' })
  return p
}

test('when a spoken segment ends, then its recording is uploaded to uploads/<random>/file.mp3, registered as audio evidence, and shown as 已上传', async () => {
  const p = await speakOneSegment()
  await p.settle('registered', () => storedEvidence().some((e) => e.status === 'done'))
  expect(uploads).toEqual([{ cloudPath: `uploads/${'a0a1a2a3a4a5a6a7a8a9aaabacadaeaf'}/file.mp3`, filePath: 'wxfile://tmp/voice-1.mp3' }])
  expect(registrations()).toEqual([
    {
      name: 'consumer',
      data: {
        action: 'registerUpload',
        fileId: `${BUCKET}uploads/a0a1a2a3a4a5a6a7a8a9aaabacadaeaf/file.mp3`,
        kind: 'audio',
        displayName: expect.stringMatching(/^录音-\d{6}\.mp3$/),
      },
    },
  ])
  expect(storedEvidence()).toEqual([expect.objectContaining({ kind: 'audio', id: 'ev-voice-1', status: 'done' })]) // what the submission will send
  await p.settle('row says uploaded', () => p.text().includes('已上传'))
  expect(p.text()).toContain('录音同时作为证据保存')
})

test('when the function refuses the recording, then its row shows the Chinese reason and offers 重试', async () => {
  registerAnswer = 'refuse'
  try {
    const p = await speakOneSegment()
    await p.settle('refusal shown', () => p.text().includes(REFUSED.message))
    expect(storedEvidence()).toEqual([expect.objectContaining({ kind: 'audio', id: null, status: 'failed', error: REFUSED.message })])
    expect(p.find('.evidence-item__btn').dom?.textContent).toBe('重试')
  } finally {
    registerAnswer = 'accept'
  }
})
