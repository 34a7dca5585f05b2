import { useCallback, useEffect, useRef, useState } from 'react'
import { call } from '../api'
import type { LocalFile } from '../api/upload'
import type { RecordedSegment } from '../api/recorder'
import { uploadAvailable } from '../api/upload'
import type { ErrorCode } from '../domain/errors'
import { EVIDENCE_RULES } from '../domain/evidence.schema'
import type { EvidenceEntry } from './complaint-draft'
import type { useEvidenceUploads } from './use-evidence-uploads'
import { useVoiceRecording } from './use-voice-recording'

// Speaking the complaint. Each segment's text is added after what is written (onText), never in its
// place. Recognised on the phone (WechatSI): appended at once. Otherwise the recording is uploaded as
// an audio evidence item first — so it is kept whatever happens next — and then sent to
// consumer.transcribeAudio; with no ASR configured the server's own sentence says so.
export type VoicePhase = 'idle' | 'starting' | 'recording' | 'stopping' | 'saving' | 'transcribing'

export interface VoiceNotice {
  text: string
  tone: 'info' | 'done' | 'error'
  retry?: { label: string; run: () => void }
}

interface Options {
  evidence: EvidenceEntry[]
  uploads: ReturnType<typeof useEvidenceUploads>
  onText: (text: string) => void
}

const ADDED = '已把说的话接在内容后面，请看一看对不对。'
const NOT_HEARD = '没有听清，请靠近手机再说一遍，或直接输入文字。'
// worth sending the same recording again; other failures need a new recording (or typing)
const TRANSIENT: readonly ErrorCode[] = ['NETWORK_ERROR', 'INTERNAL', 'TOO_MANY_REQUESTS']
const AUDIO_CAP = EVIDENCE_RULES.audio.maxCount

const pad = (n: number) => String(n).padStart(2, '0')

/** 录音-143005.wav: the time it was made, unique in the draft (the evidence row is found by name). */
function named(file: LocalFile, taken: EvidenceEntry[]): LocalFile {
  const now = new Date()
  const ext = file.name.includes('.') ? file.name.slice(file.name.lastIndexOf('.')) : ''
  const base = `录音-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`
  let name = base + ext
  for (let n = 2; taken.some((e) => e.name === name); n++) name = `${base}-${n}${ext}`
  return { ...file, name }
}

export function useVoiceInput({ evidence, uploads, onText }: Options) {
  const [notice, setNotice] = useState<VoiceNotice | null>(null)
  const [busy, setBusy] = useState<'saving' | 'transcribing' | null>(null)
  // recordings uploading for transcription, by name: 'sent' until their row shows up, then 'seen'
  const awaiting = useRef(new Map<string, 'sent' | 'seen' | 'failed'>())
  const latest = useRef({ evidence, uploads, onText })
  latest.current = { evidence, uploads, onText }
  const startRef = useRef<() => void>(() => undefined)
  const recordAgain = { label: '重新录音', run: () => startRef.current() }

  const transcribe = useCallback(async (evidenceId: string) => {
    setBusy('transcribing')
    setNotice({ text: '录音已保存为证据，正在转成文字…', tone: 'info' })
    const result = await call('consumer', 'transcribeAudio', { evidenceId })
    setBusy(null)
    if (result.ok) {
      const said = result.data.text.trim()
      if (said) latest.current.onText(said)
      setNotice(said ? { text: ADDED, tone: 'done' } : { text: `录音已作为证据保存。${NOT_HEARD}`, tone: 'error', retry: recordAgain })
      return
    }
    const { code, message } = result.error
    // no ASR here is not a failure of the person's: the recording is evidence; typing still works
    if (code === 'ASR_UNAVAILABLE') return setNotice({ text: message, tone: 'info' })
    const again = TRANSIENT.includes(code) ? { label: '重新转写', run: () => void transcribe(evidenceId) } : recordAgain
    setNotice({ text: message, tone: 'error', retry: again })
    // stable on purpose: the effect below calls it, and it reads the latest props through refs
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [])

  const onSegment = (segment: RecordedSegment) => {
    const { evidence: list, uploads: up, onText: append } = latest.current
    if (segment.text !== null) {
      const said = segment.text.trim()
      if (said) append(said)
      let text = said ? ADDED : NOT_HEARD
      if (segment.file && uploadAvailable) text += up.add('audio', [named(segment.file, list)]) || '录音正在作为证据上传。'
      else if (segment.file) text += '小程序端暂不能把录音存为证据。'
      return setNotice({ text, tone: said ? 'done' : 'error', retry: said ? undefined : recordAgain })
    }
    if (!segment.file) return setNotice({ text: '没有录到声音，请再试一次', tone: 'error', retry: recordAgain })
    const file = named(segment.file, list)
    const refused = up.add('audio', [file])
    if (refused) return setNotice({ text: `${refused}。请先在下方证据里移除一段录音`, tone: 'error' })
    awaiting.current.set(file.name, 'sent')
    setBusy('saving')
    setNotice({ text: '正在把录音保存为证据…', tone: 'info' })
  }

  const recording = useVoiceRecording({
    onSegment,
    onError: (message) => setNotice({ text: message, tone: 'error', retry: recordAgain }),
  })

  // follow each sent recording's evidence row: uploaded → transcribe; failed → say so (the row has 重试)
  useEffect(() => {
    for (const [name, state] of awaiting.current) {
      const entry = evidence.find((e) => e.kind === 'audio' && e.name === name)
      if (!entry) {
        if (state !== 'sent') awaiting.current.delete(name) // removed by the person: nothing to transcribe
        continue
      }
      if (entry.status === 'done' && entry.id) {
        awaiting.current.delete(name)
        void transcribe(entry.id)
      } else if (entry.status === 'failed' && state !== 'failed') {
        awaiting.current.set(name, 'failed')
        setBusy(null)
        setNotice({ text: `录音没有保存上：${entry.error || '上传失败'}。请在下方证据里点「重试」，成功后会自动转成文字`, tone: 'error' })
      } else if (entry.status === 'uploading' && state !== 'seen') {
        awaiting.current.set(name, 'seen')
        setBusy('saving')
      }
    }
  }, [evidence, transcribe])

  const start = () => {
    const full = recording.recognises === 'server' && evidence.filter((e) => e.kind === 'audio').length >= AUDIO_CAP
    if (full) return setNotice({ text: `录音证据最多${AUDIO_CAP}段，请先在下方证据里移除一段再录`, tone: 'error' })
    setNotice(null)
    recording.start()
  }
  startRef.current = start

  const phase: VoicePhase = recording.phase !== 'idle' ? recording.phase : (busy ?? 'idle')
  return {
    available: recording.available,
    phase,
    elapsedMs: recording.elapsedMs,
    partial: recording.partial,
    notice,
    start,
    stop: recording.stop,
    cancel: recording.cancel,
  }
}
