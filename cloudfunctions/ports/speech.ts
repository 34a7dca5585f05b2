// Server-side voice to text, the fallback when the WeChat "WechatSI" plugin is not there:
// the mini-program records, uploads, and the complaint form is pre-filled with the text.
// Failure is normal here (no keys, noisy audio); callers offer typing instead, so results are values.

export const AUDIO_FORMATS = ['wav', 'mp3', 'aac', 'm4a', 'amr', 'pcm', 'ogg-opus'] as const
export type AudioFormat = (typeof AUDIO_FORMATS)[number]

export interface AudioClip {
  bytes: Uint8Array
  format: AudioFormat
  /** what the recorder reported, when it did; lets an adapter refuse over-long clips without sending them */
  durationMs?: number
}

export type TranscriptFailureCode = 'ASR_UNAVAILABLE' | 'ASR_FAILED' | 'AUDIO_TOO_LONG' | 'AUDIO_TOO_LARGE'

export type TranscriptResult = { ok: true; text: string; durationMs: number } | { ok: false; code: TranscriptFailureCode; detail: string }

export interface SpeechToText {
  transcribe(audio: AudioClip): Promise<TranscriptResult>
}

/** The local default: no cloud keys configured, so nothing leaves the machine and the form asks for typing. */
export const unavailableSpeech: SpeechToText = {
  async transcribe() {
    return { ok: false, code: 'ASR_UNAVAILABLE', detail: 'speech recognition is not configured (no Tencent Cloud keys)' }
  },
}
