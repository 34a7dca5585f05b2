import type { LocalFile } from './upload'

// Speaking instead of typing: one recording "segment" of at most 60 s at a time. Taro picks the
// platform file at build time:
//   recorder.h5.ts    → MediaRecorder, re-encoded to 16 kHz WAV in the page, then server ASR
//   recorder.weapp.ts → the WechatSI plugin (recognises on the phone, live partial text), or,
//                       without the plugin, RecorderManager (mp3) → upload → server ASR
// This file is the shared type and what any other platform gets (no voice input). Platform files
// must use `import type` from here: a value import of './recorder' would resolve back to themselves.
// Each platform file exports the same values: voiceEngine and VOICE_UNAVAILABLE_NOTICE. The 60 s
// cap lives in recorder-limits.ts.

export interface RecordedSegment {
  /** the recording, to keep as audio evidence; null when the platform gives none */
  file: LocalFile | null
  /** text recognised on the device (WechatSI); null when the server must transcribe `file` */
  text: string | null
  durationMs: number
}

export interface VoiceEvents {
  /** the microphone is open: the timer starts now (a permission prompt may come first) */
  onStarted: () => void
  /** live text while speaking (WechatSI only) */
  onPartial: (text: string) => void
  onRecorded: (segment: RecordedSegment) => void
  /** in Chinese, ready to show */
  onError: (message: string) => void
}

export interface VoiceSession {
  /** finish the segment; the result arrives through onRecorded (or onError). Safe to call twice. */
  stop: () => void
  /** drop the segment (leaving the page): no event follows */
  cancel: () => void
}

export interface VoiceEngine {
  /** `device`: text comes with the segment; `server`: the segment must be uploaded and transcribed */
  recognises: 'device' | 'server'
  start: (events: VoiceEvents) => VoiceSession
}

/** Why voice input is missing here, for the form to say instead of showing a dead button. */
export const VOICE_UNAVAILABLE_NOTICE = '这里暂不支持语音输入，请直接输入文字'

/** The engine this platform offers right now, or null. Asked once per form (plugins can be absent). */
export function voiceEngine(): VoiceEngine | null {
  return null
}
