import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { voiceEngine, type RecordedSegment, type VoiceSession } from '../api/recorder'
import { MAX_SEGMENT_MS } from '../api/recorder-limits'

// One segment at a time through the platform's voice engine (src/api/recorder*.ts): the phase the
// button shows, the timer, the live partial text (WechatSI), and the segment when it ends. What
// happens to the segment (append, upload, transcribe) is use-voice-input's business.
export type RecordingPhase = 'idle' | 'starting' | 'recording' | 'stopping'

interface Handlers {
  onSegment: (segment: RecordedSegment) => void
  onError: (message: string) => void
}

/** A started segment; events from an older one (cancelled, or a late plugin callback) are ignored. */
interface Run {
  session: VoiceSession | null
}

export function useVoiceRecording(handlers: Handlers) {
  // asked once per form: WechatSI may be missing, and requirePlugin is not free
  const engine = useMemo(() => voiceEngine(), [])
  const [phase, setPhase] = useState<RecordingPhase>('idle')
  const [elapsedMs, setElapsedMs] = useState(0)
  const [partial, setPartial] = useState('')
  const current = useRef<Run | null>(null)
  const latest = useRef(handlers)
  latest.current = handlers

  // the visible timer runs while the microphone is open, and stops at the segment's cap
  useEffect(() => {
    if (phase !== 'recording') return undefined
    const startedAt = Date.now()
    setElapsedMs(0)
    const tick = setInterval(() => setElapsedMs(Math.min(MAX_SEGMENT_MS, Date.now() - startedAt)), 500)
    return () => clearInterval(tick)
  }, [phase])

  const start = useCallback(() => {
    if (!engine || current.current) return
    const run: Run = { session: null }
    current.current = run
    const mine = () => current.current === run
    const end = () => {
      current.current = null
      setPhase('idle')
      setPartial('')
    }
    setPartial('')
    setElapsedMs(0)
    setPhase('starting')
    run.session = engine.start({
      onStarted: () => void (mine() && setPhase('recording')),
      onPartial: (text) => void (mine() && setPartial(text)),
      onRecorded: (segment) => {
        if (!mine()) return
        end()
        latest.current.onSegment(segment)
      },
      onError: (message) => {
        if (!mine()) return
        end()
        latest.current.onError(message)
      },
    })
  }, [engine])

  const stop = useCallback(() => {
    if (!current.current?.session) return
    setPhase('stopping')
    current.current.session.stop()
  }, [])

  const cancel = useCallback(() => {
    const run = current.current
    current.current = null
    run?.session?.cancel()
    setPhase('idle')
    setPartial('')
  }, [])

  // leaving the page closes the microphone; nothing is kept from a segment cut short
  useEffect(() => () => current.current?.session?.cancel(), [])

  return { available: !!engine, recognises: engine?.recognises ?? null, phase, elapsedMs, partial, start, stop, cancel }
}
