import { MAX_AUDIO_BYTES, tencentAsr } from '../../../cloudfunctions/adapters/speech/tencent-asr'
import { tencentApiClient } from '../../../cloudfunctions/adapters/tencent/tencent-api-client'
import { unavailableSpeech } from '../../../cloudfunctions/ports/speech'
import { startTencentLoopback, type LoopbackReply, type ReceivedCall, type TencentLoopback } from '../../support/tencent-loopback'

const KEY = { secretId: 'AKIDasrloopback000000000000000000001', secretKey: 'asr-loopback-secret-0000000000000001' }
const recognised = { Response: { Result: '商家拒绝退货，还骂人。', AudioDuration: 4210, WordSize: 0, WordList: null, RequestId: 'r-1' } }
const apiError = (Code: string) => ({ Response: { Error: { Code, Message: `${Code} said Tencent` }, RequestId: 'r-2' } })

// Not real audio: the stand-in never decodes it, and the bytes cover all 256 values so base64 is exercised fully.
const clip = (size: number) => Uint8Array.from({ length: size }, (_, i) => (i * 7) % 256)

describe('tencentAsr — SentenceRecognition 2019-06-14', () => {
  let loopback: TencentLoopback
  let reply: (call: ReceivedCall) => LoopbackReply
  beforeEach(async () => {
    reply = () => ({ json: recognised })
    loopback = await startTencentLoopback({ ...KEY, service: 'asr' }, (call) => reply(call))
  })
  afterEach(() => loopback.close())

  const asr = (credentials = KEY) =>
    tencentAsr({ client: tencentApiClient({ credentials, region: 'ap-guangzhou', baseUrl: loopback.baseUrl }) })

  it('when audio is sent, then the stand-in verifies the signature and gets base64 Data with the raw byte length', async () => {
    const bytes = clip(1000)
    await asr().transcribe({ bytes, format: 'mp3' })
    const [call] = loopback.calls
    expect(call.verdict).toEqual({ ok: true })
    expect([call.action, call.version]).toEqual(['SentenceRecognition', '2019-06-14'])
    expect(call.body).toEqual({
      EngSerViceType: '16k_zh',
      SourceType: 1,
      VoiceFormat: 'mp3',
      Data: Buffer.from(bytes).toString('base64'),
      DataLen: 1000,
    })
  })

  it('when the bytes are a view into a larger buffer, then only the viewed bytes are sent', async () => {
    const backing = clip(64)
    await asr().transcribe({ bytes: backing.subarray(10, 20), format: 'wav' })
    expect(loopback.calls[0].body).toMatchObject({ Data: Buffer.from(backing.subarray(10, 20)).toString('base64'), DataLen: 10 })
  })

  it('when Tencent recognises speech, then the text and duration come back', async () => {
    expect(await asr().transcribe({ bytes: clip(100), format: 'm4a' })).toEqual({
      ok: true,
      text: '商家拒绝退货，还骂人。',
      durationMs: 4210,
    })
  })

  it('when the audio is larger than 3 MB, then it is refused and no request reaches Tencent', async () => {
    const result = await asr().transcribe({ bytes: clip(MAX_AUDIO_BYTES + 1), format: 'wav' })
    expect(result).toMatchObject({ ok: false, code: 'AUDIO_TOO_LARGE' })
    expect(loopback.calls).toHaveLength(0)
    await asr().transcribe({ bytes: clip(MAX_AUDIO_BYTES), format: 'wav' })
    expect(loopback.calls).toHaveLength(1) // exactly 3 MB is still allowed
  })

  it('when the recorder says the clip is over 60 s, then it is refused without a request', async () => {
    expect(await asr().transcribe({ bytes: clip(100), format: 'aac', durationMs: 61_000 })).toMatchObject({
      ok: false,
      code: 'AUDIO_TOO_LONG',
    })
    expect(loopback.calls).toHaveLength(0)
  })

  it.each([
    ['InvalidParameterValue.ErrorVoicedataTooLong', 'AUDIO_TOO_LONG'],
    ['FailedOperation.ErrorRecognize', 'ASR_FAILED'],
    ['InvalidParameterValue.ErrorInvalidVoicedata', 'ASR_FAILED'],
    ['FailedOperation.UserHasNoFreeAmount', 'ASR_UNAVAILABLE'],
    ['RequestLimitExceeded', 'ASR_UNAVAILABLE'],
  ])('when Tencent answers %s, then the result code is %s', async (code, expected) => {
    reply = () => ({ json: apiError(code) })
    expect(await asr().transcribe({ bytes: clip(100), format: 'wav' })).toEqual({
      ok: false,
      code: expected,
      detail: `${code}: ${code} said Tencent`,
    })
  })

  it('when the keys are wrong, then the stand-in refuses the signature and speech is unavailable', async () => {
    expect(await asr({ ...KEY, secretKey: 'wrong' }).transcribe({ bytes: clip(100), format: 'wav' })).toMatchObject({
      ok: false,
      code: 'ASR_UNAVAILABLE',
    })
    expect(loopback.calls[0].verdict.ok).toBe(false)
  })

  it('when Tencent hears no speech, then it is a failure rather than an empty transcript', async () => {
    reply = () => ({ json: { Response: { Result: '', AudioDuration: 1500, RequestId: 'r-3' } } })
    expect(await asr().transcribe({ bytes: clip(100), format: 'wav' })).toMatchObject({ ok: false, code: 'ASR_FAILED' })
  })

  it('when no keys are configured, then the unavailable implementation answers ASR_UNAVAILABLE', async () => {
    expect(await unavailableSpeech.transcribe({ bytes: clip(100), format: 'wav' })).toMatchObject({ ok: false, code: 'ASR_UNAVAILABLE' })
  })
})
