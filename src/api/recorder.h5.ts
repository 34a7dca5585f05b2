import { MAX_SEGMENT_MS } from './recorder-limits'
import type { VoiceEngine, VoiceEvents, VoiceSession } from './recorder'

// H5: getUserMedia + MediaRecorder. Browsers record webm/opus (Chrome, Android) or mp4 (Safari),
// which the evidence store does not accept, so on stop the recording is decoded with Web Audio and
// re-encoded here as 16 kHz mono 16-bit WAV (src/domain/audio/wav-encoder.ts) — the format the
// server's ASR wants. Transcription happens on the server after upload.
type AudioContextClass = typeof AudioContext

function audioContextClass(): AudioContextClass | undefined {
  if (typeof window === 'undefined') return undefined
  const w = window as unknown as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass }
  return w.AudioContext ?? w.webkitAudioContext // iOS Safari before 14.5
}

const supported = () =>
  typeof navigator !== 'undefined' &&
  !!navigator.mediaDevices?.getUserMedia &&
  typeof MediaRecorder !== 'undefined' &&
  !!audioContextClass()

// Browsers hide the microphone from pages not served over https (localhost excepted): a phone
// opening http://192.168.x.x gets no voice input, and should be told why rather than "unsupported".
const insecure = typeof window !== 'undefined' && window.isSecureContext === false
export const VOICE_UNAVAILABLE_NOTICE = insecure
  ? '语音输入需要用 https 网址打开本页，现在请直接输入文字'
  : '这个浏览器不能录音，请直接输入文字，或用微信扫码打开'

function micProblem(error: unknown): string {
  const name = (error as { name?: string } | null)?.name
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return '没有麦克风权限：请在浏览器设置里允许本网页使用麦克风，再按「开始说话」'
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return '没有找到麦克风，请直接输入文字'
  if (name === 'NotReadableError') return '麦克风正被其他应用占用，请关闭后再试'
  return '无法打开麦克风，请再试一次'
}

async function toWav(recording: Blob): Promise<Blob> {
  const AudioContextOf = audioContextClass()
  if (!AudioContextOf) throw new Error('no AudioContext') // canRecord() said yes first; this guards a browser that lied
  const context = new AudioContextOf()
  try {
    // the encoder comes with the first recording, not with the complaint page (docs/first-page.md)
    const [{ speechWav }, decoded] = await Promise.all([
      import('../domain/audio/wav-encoder'),
      context.decodeAudioData(await recording.arrayBuffer()),
    ])
    const channels = Array.from({ length: decoded.numberOfChannels }, (_, i) => decoded.getChannelData(i))
    return new Blob([speechWav(channels, decoded.sampleRate)], { type: 'audio/wav' })
  } finally {
    void context.close().catch(() => undefined) // browsers cap how many contexts a page may hold
  }
}

function startSegment(events: VoiceEvents): VoiceSession {
  let state: 'opening' | 'recording' | 'stopping' | 'over' = 'opening'
  let stream: MediaStream | null = null
  let recorder: MediaRecorder | null = null
  let limit: ReturnType<typeof setTimeout> | undefined
  let startedAt = 0
  const chunks: Blob[] = []

  const release = () => {
    clearTimeout(limit)
    stream?.getTracks().forEach((track) => track.stop()) // the browser's "recording" indicator goes off
  }

  const finish = async () => {
    release()
    if (state === 'over') return // cancelled meanwhile
    state = 'over'
    const durationMs = Date.now() - startedAt
    try {
      const wav = await toWav(new Blob(chunks, { type: recorder?.mimeType }))
      events.onRecorded({ file: { name: 'recording.wav', size: wav.size, type: 'audio/wav', blob: wav }, text: null, durationMs })
    } catch {
      events.onError('这段录音无法读取，请再录一次')
    }
  }

  const stop = () => {
    if (state === 'recording') {
      state = 'stopping'
      recorder?.stop() // dataavailable, then stop → finish()
    } else if (state === 'opening') {
      state = 'over'
      events.onError('录音已取消')
    }
  }

  navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } }).then(
    (opened) => {
      if (state !== 'opening') return void opened.getTracks().forEach((track) => track.stop())
      stream = opened
      recorder = new MediaRecorder(opened)
      recorder.ondataavailable = (event) => {
        if (event.data.size > 0) chunks.push(event.data)
      }
      recorder.onstop = () => void finish()
      recorder.onerror = () => {
        release()
        if (state === 'over') return
        state = 'over'
        events.onError('录音中断了，请再试一次')
      }
      recorder.start()
      state = 'recording'
      startedAt = Date.now()
      limit = setTimeout(stop, MAX_SEGMENT_MS) // a segment ends by itself at 60 s
      events.onStarted()
    },
    (error) => {
      if (state === 'over') return
      state = 'over'
      events.onError(micProblem(error))
    },
  )

  return {
    stop,
    cancel: () => {
      state = 'over'
      if (recorder && recorder.state !== 'inactive') recorder.stop()
      release()
    },
  }
}

export function voiceEngine(): VoiceEngine | null {
  return supported() ? { recognises: 'server', start: startSegment } : null
}
