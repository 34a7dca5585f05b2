import { z } from 'zod'
import type { AudioClip, SpeechToText, TranscriptFailureCode, TranscriptResult } from '../../ports/speech'
import type { TencentApiClient, TencentApiFailure } from '../tencent/tencent-api-client'

// SpeechToText over Tencent Cloud ASR `SentenceRecognition` (一句话识别, API 2019-06-14): the audio
// goes in the body as base64 (SourceType 1), so nothing has to be made public for Tencent to fetch.
// Its limits are 60 s and 3 MB; what we can check ourselves we refuse before paying for a request.

export type TencentAsrOptions = {
  client: TencentApiClient
  /** engine model; 16k_zh is general Mandarin, which is what people at a counter speak */
  engine?: string
}

/** 3 MB of audio before base64 (which adds a third on the wire); read as MiB, the stricter of the two readings. */
export const MAX_AUDIO_BYTES = 3 * 1024 * 1024
export const MAX_AUDIO_MS = 60_000

const SentenceRecognitionResponse = z.object({
  Result: z.string(),
  /** milliseconds */
  AudioDuration: z.number().int().nonnegative(),
})

// Keys, billing and an unopened service are the deployer's to fix, not the speaker's: "unavailable",
// so the form simply asks for typing, like when no keys are configured at all.
const NOT_OURS_TO_FIX =
  /^(AuthFailure|UnauthorizedOperation|FailedOperation\.(UserNotRegistered|ServiceIsolate|UserHasNoAmount|UserHasNoFreeAmount|CheckAuthInfoFailed))(\.|$)/

function codeFor(failure: TencentApiFailure): TranscriptFailureCode {
  if (failure.code === 'InvalidParameterValue.ErrorVoicedataTooLong') return 'AUDIO_TOO_LONG'
  if (failure.retryable || failure.code === 'MALFORMED_RESPONSE' || NOT_OURS_TO_FIX.test(failure.code)) return 'ASR_UNAVAILABLE'
  return 'ASR_FAILED'
}

const refuse = (code: TranscriptFailureCode, detail: string): TranscriptResult => ({ ok: false, code, detail })

export function tencentAsr(options: TencentAsrOptions): SpeechToText {
  const engine = options.engine ?? '16k_zh'

  return {
    async transcribe(audio: AudioClip): Promise<TranscriptResult> {
      const size = audio.bytes.byteLength
      if (size === 0) return refuse('ASR_FAILED', 'empty audio')
      if (size > MAX_AUDIO_BYTES) return refuse('AUDIO_TOO_LARGE', `${size} bytes, at most ${MAX_AUDIO_BYTES}`)
      if (audio.durationMs !== undefined && audio.durationMs > MAX_AUDIO_MS) {
        return refuse('AUDIO_TOO_LONG', `${audio.durationMs} ms, at most ${MAX_AUDIO_MS}`)
      }

      const outcome = await options.client.call({
        service: 'asr',
        action: 'SentenceRecognition',
        version: '2019-06-14',
        payload: {
          EngSerViceType: engine,
          SourceType: 1,
          VoiceFormat: audio.format,
          Data: Buffer.from(audio.bytes.buffer, audio.bytes.byteOffset, size).toString('base64'),
          DataLen: size, // the length of the audio itself, not of its base64 text
        },
        response: SentenceRecognitionResponse,
      })
      if (!outcome.ok) return refuse(codeFor(outcome.failure), `${outcome.failure.code}: ${outcome.failure.message}`)

      const text = outcome.data.Result.trim()
      if (!text) return refuse('ASR_FAILED', 'no speech recognised in the audio')
      return { ok: true, text, durationMs: outcome.data.AudioDuration }
    },
  }
}
