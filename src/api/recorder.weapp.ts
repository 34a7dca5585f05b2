import { recorderManagerEngine } from './recorder-manager'
import { wechatSiEngine } from './recorder-wechat-si'
import { uploadAvailable } from './upload'
import type { VoiceEngine } from './recorder'

// Mini-program: the WechatSI plugin when the app declares it and WeChat lets us load it (text on
// the phone, no server ASR needed). Otherwise the recorder → upload → server transcription — but
// only where upload works: recording a segment that can neither be kept nor transcribed would lose it.
export const VOICE_UNAVAILABLE_NOTICE = '语音输入暂不可用（需要微信「同声传译」插件），请直接输入文字'

export function voiceEngine(): VoiceEngine | null {
  return wechatSiEngine() ?? (uploadAvailable ? recorderManagerEngine() : null)
}
