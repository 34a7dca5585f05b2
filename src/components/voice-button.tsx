import { View } from '@tarojs/components'
import { useRef } from 'react'
import { MAX_SEGMENT_MS } from '../api/recorder-limits'
import { activateProps } from '../hooks/use-activate'
import type { VoicePhase } from '../hooks/use-voice-input'
import './voice-button.scss'

// The big microphone button. Tap to start, tap again to stop — on both platforms, because holding a
// button down is hard with a keyboard, a screen reader or an unsteady hand. In the mini-program it
// also works as hold-to-talk (long-press starts, letting go stops), the way WeChat voice messages do.
// The accessible name is the visible words, so voice control ("点 开始说话") finds it.
interface Props {
  phase: VoicePhase
  elapsedMs: number
  onStart: () => void
  onStop: () => void
  onCancel: () => void
}

const FACE: Record<VoicePhase, { label: string; sub: string }> = {
  idle: { label: '开始说话', sub: '按一下开始，说完再按一下' },
  starting: { label: '取消录音', sub: '正在打开麦克风…' },
  recording: { label: '停止录音', sub: '说完了就按这里' },
  stopping: { label: '请稍候', sub: '正在结束录音…' },
  saving: { label: '请稍候', sub: '正在保存录音…' },
  transcribing: { label: '请稍候', sub: '正在转成文字…' },
}

const clock = (ms: number) => {
  const s = Math.floor(ms / 1000)
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

export function VoiceButton({ phase, elapsedMs, onStart, onStop, onCancel }: Props) {
  const held = useRef(false)
  const face = FACE[phase]
  const waiting = phase === 'stopping' || phase === 'saving' || phase === 'transcribing'
  const press = () => {
    if (phase === 'idle') onStart()
    else if (phase === 'starting') onCancel()
    else if (phase === 'recording') onStop()
  }
  // hold-to-talk exists only where there is a touch screen and no keyboard: the mini-program
  const hold =
    process.env.TARO_ENV === 'weapp'
      ? {
          onLongPress: () => {
            if (phase !== 'idle') return
            held.current = true
            onStart()
          },
          onTouchEnd: () => {
            if (!held.current) return
            held.current = false
            onStop()
          },
        }
      : {}
  const closeToCap = phase === 'recording' && MAX_SEGMENT_MS - elapsedMs <= 10_000
  return (
    <View className="voice-button__wrap">
      <View
        className={`voice-button voice-button--${phase} ${waiting ? 'voice-button--waiting' : ''}`}
        role="button"
        tabIndex={0}
        aria-label={face.label}
        aria-disabled={waiting}
        aria-busy={waiting}
        hoverClass="voice-button--pressed"
        {...activateProps(press, 'button')}
        {...hold}
      >
        <View className="voice-button__mic" aria-hidden />
        <View className="voice-button__text">
          <View className="voice-button__label">{face.label}</View>
          <View className="voice-button__sub">{face.sub}</View>
        </View>
      </View>
      {phase === 'recording' ? (
        <View className={`voice-button__timer ${closeToCap ? 'voice-button__timer--ending' : ''}`} role="timer">
          已录 {clock(elapsedMs)} / {clock(MAX_SEGMENT_MS)}
          {closeToCap ? '，快到时间了' : ''}
        </View>
      ) : null}
    </View>
  )
}
