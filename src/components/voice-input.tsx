import { View } from '@tarojs/components'
import { VOICE_UNAVAILABLE_NOTICE } from '../api/recorder'
import { uploadAvailable } from '../api/upload'
import type { EvidenceEntry } from '../hooks/complaint-draft'
import type { useEvidenceUploads } from '../hooks/use-evidence-uploads'
import { useVoiceInput, type VoicePhase } from '../hooks/use-voice-input'
import { ActionButton } from './action-button'
import { VoiceButton } from './voice-button'
import './voice-input.scss'

// 说一说: speaking the complaint instead of typing it, one segment (≤ 60 s) after another. Sits in the
// description field, above the text box the words go into. Everything that happens is said in one
// polite live region (screen readers hear it without losing their place); the partial text
// (WechatSI) is shown, not announced — it changes several times a second.
interface Props {
  evidence: EvidenceEntry[]
  uploads: ReturnType<typeof useEvidenceUploads>
  /** one segment's text, to go after what is written */
  onText: (text: string) => void
  /** 投诉 or 举报 */
  noun: string
}

const PHASE_STATUS: Partial<Record<VoicePhase, string>> = {
  starting: '正在打开麦克风…',
  recording: '正在录音，每段最长60秒。说完请按「停止录音」',
  stopping: '正在结束录音…',
}

export function VoiceInput({ evidence, uploads, onText, noun }: Props) {
  const voice = useVoiceInput({ evidence, uploads, onText })
  if (!voice.available) {
    return <View className="voice-input voice-input--unavailable">{VOICE_UNAVAILABLE_NOTICE}</View>
  }
  const { phase, notice } = voice
  const status = PHASE_STATUS[phase] ?? notice?.text ?? ''
  const tone = PHASE_STATUS[phase] ? 'info' : (notice?.tone ?? 'info')
  return (
    <View className="voice-input" role="group" aria-labelledby="voice-input-title">
      <View className="voice-input__title" id="voice-input-title">
        不方便打字？可以直接说
      </View>
      <VoiceButton phase={phase} elapsedMs={voice.elapsedMs} onStart={voice.start} onStop={voice.stop} onCancel={voice.cancel} />
      {voice.partial ? (
        <View className="voice-input__partial">
          <View className="voice-input__partial-label">正在识别：</View>
          {voice.partial}
        </View>
      ) : null}
      <View className={`voice-input__status voice-input__status--${tone}`} role="status" aria-live="polite">
        {status}
      </View>
      {notice?.retry && phase === 'idle' ? (
        <ActionButton className="voice-input__retry" variant="secondary" label={notice.retry.label} onPress={notice.retry.run} />
      ) : null}
      <View className="voice-input__hint">
        可以分几段说，每段最长60秒。说的话会接在{noun}内容后面，不会覆盖已写的文字
        {uploadAvailable ? '；录音同时作为证据保存，不需要可以在证据里移除' : ''}。
      </View>
    </View>
  )
}
