import { speechFromConfig } from '../../cloudfunctions/adapters/speech/speech-from-config'
import { systemClock } from '../../cloudfunctions/adapters/system/system-clock'
import { tencentConfigFrom } from '../../cloudfunctions/adapters/tencent/tencent-config'
import type { Store } from '../../cloudfunctions/ports/store'
import { anEvidence } from '../support/builders'
import { callAs } from '../support/call-as'
import { makeDeps, openTestStore } from '../support/test-deps'
import { startTencentLoopback, type TencentLoopback } from '../support/tencent-loopback'

const KEY = { secretId: 'AKIDtranscribe00000000000000000000001', secretKey: 'transcribe-secret-000000000000000001' }
const WAV = Uint8Array.from(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'))

// The server half of "voice to text": a recording the person uploaded becomes text for the form,
// through the Tencent ASR adapter when the deployer switched it on, and a plain "unavailable"
// (recording kept) when not — the local default.
describe('consumer.transcribeAudio', () => {
  let store: Store
  let deps: ReturnType<typeof makeDeps>
  let loopback: TencentLoopback
  const recording = async (uploadedBy: string, over = {}) => {
    const item = anEvidence(uploadedBy, { kind: 'audio', mime: 'audio/wav', displayName: '录音.wav', ...over })
    await deps.files.put(item.storageKey, WAV)
    await store.saveEvidence(item)
    return item
  }
  const transcribe = (evidenceId: string, subject: string) =>
    callAs(deps, 'consumer', { action: 'transcribeAudio', evidenceId }, { subject })

  beforeAll(async () => {
    store = await openTestStore()
    deps = makeDeps(store)
    loopback = await startTencentLoopback({ ...KEY, service: 'asr' }, () => ({
      json: { Response: { Result: '昨天在优鲜超市买的牛奶过期了。', AudioDuration: 3200, RequestId: 'r' } },
    }))
  })
  afterAll(async () => {
    await loopback.close()
    await store.close()
  })

  it('when no speech service is configured, then the person hears plainly that the recording is kept', async () => {
    const item = await recording('shopper-1')
    expect(await transcribe(item.id, 'shopper-1')).toMatchObject({
      ok: false,
      error: { code: 'ASR_UNAVAILABLE', message: '语音转写暂不可用，录音已作为证据保存' },
    })
    expect(await store.getEvidence(item.id)).toEqual(item)
  })

  it('when Tencent ASR is switched on, then the recording goes out signed as WAV and the text comes back', async () => {
    const config = tencentConfigFrom({
      TENCENTCLOUD_SECRET_ID: KEY.secretId,
      TENCENTCLOUD_SECRET_KEY: KEY.secretKey,
      TENCENT_ASR_ENABLED: 'true',
      TENCENT_API_BASE_URL: loopback.baseUrl,
    })
    if (!config.ok) throw new Error(config.problems.join())
    deps.speech = speechFromConfig(config.config, systemClock) // the signature carries real time, as Tencent checks it
    const item = await recording('shopper-2')
    expect(await transcribe(item.id, 'shopper-2')).toEqual({ ok: true, data: { text: '昨天在优鲜超市买的牛奶过期了。', durationMs: 3200 } })
    const call = loopback.calls.at(-1)!
    expect(call.verdict).toEqual({ ok: true })
    expect(call.body).toMatchObject({ VoiceFormat: 'wav', Data: Buffer.from(WAV).toString('base64'), DataLen: WAV.length })
  })

  it("when someone asks for another person's recording or for a photo, then it is not found and nothing is sent", async () => {
    const before = loopback.calls.length
    const theirs = await recording('shopper-3')
    expect(await transcribe(theirs.id, 'shopper-4')).toMatchObject({ ok: false, error: { code: 'EVIDENCE_NOT_FOUND' } })
    const photo = anEvidence('shopper-4')
    await store.saveEvidence(photo)
    expect(await transcribe(photo.id, 'shopper-4')).toMatchObject({ ok: false, error: { code: 'EVIDENCE_NOT_FOUND' } })
    expect(await transcribe('', 'shopper-4')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { evidenceId: '缺少录音' } },
    })
    expect(loopback.calls.length).toBe(before)
  })
})
