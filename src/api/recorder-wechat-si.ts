import Taro from '@tarojs/taro'
import { MAX_SEGMENT_MS } from './recorder-limits'
import type { VoiceEngine, VoiceEvents } from './recorder'

// WeChat's simultaneous-interpretation plugin (WechatSI, declared under `plugins` in app.config):
// it records and recognises on the phone, with live partial text. Its manager is one per app and
// takes its callbacks as properties, so each segment re-points them at the current listener.
interface RecognitionManager {
  start: (options: { duration: number; lang: string }) => void
  stop: () => void
  onStart?: () => void
  onRecognize?: (res: { result?: string }) => void
  onStop?: (res: { tempFilePath?: string; duration?: number; fileSize?: number; result?: string }) => void
  onError?: (res: { retcode?: number; msg?: string }) => void
}

/** The plugin's manager, or null: requirePlugin throws when the plugin is not declared or not added. */
function recognitionManager(): RecognitionManager | null {
  try {
    const plugin = Taro.requirePlugin('WechatSI') as { getRecordRecognitionManager?: () => RecognitionManager } | undefined
    return plugin?.getRecordRecognitionManager?.() ?? null
  } catch {
    return null
  }
}

/** The plugin's retcodes (-300xx recording/recognition, -400xx quota) in words a shopper can act on. */
export function wechatSiProblem({ retcode, msg }: { retcode?: number; msg?: string }): string {
  if (/auth|permission|authorize/i.test(msg ?? '')) return '没有麦克风权限：请点右上角「···」→「设置」，允许使用麦克风'
  if (retcode === -30011) return '上一段还没有结束，请稍等再按'
  if (retcode === -40001) return '语音识别使用太频繁，请稍后再试，或直接输入文字'
  if (retcode === -30005 || retcode === -30006) return '没有识别出来，请靠近手机再说一遍'
  return '语音识别没有成功，请再试一次，或直接输入文字'
}

export function wechatSiEngine(): VoiceEngine | null {
  const manager = recognitionManager()
  if (!manager) return null
  return {
    recognises: 'device',
    start(events: VoiceEvents) {
      let live = true // false once this segment has ended or been cancelled: later callbacks are not ours
      const end = () => {
        const was = live
        live = false
        return was
      }
      manager.onStart = () => void (live && events.onStarted())
      manager.onRecognize = (res) => void (live && events.onPartial(res?.result ?? ''))
      manager.onStop = (res) => {
        if (!end()) return
        const file = res?.tempFilePath ? { name: 'recording.mp3', size: res.fileSize ?? 0, type: '', path: res.tempFilePath } : null
        events.onRecorded({ file, text: res?.result ?? '', durationMs: res?.duration ?? 0 })
      }
      manager.onError = (res) => void (end() && events.onError(wechatSiProblem(res ?? {})))
      manager.start({ duration: MAX_SEGMENT_MS, lang: 'zh_CN' })
      let stopping = false
      return {
        stop: () => {
          if (!live || stopping) return
          stopping = true
          manager.stop() // the plugin answers with onStop (text and file)
        },
        cancel: () => {
          if (end()) manager.stop()
        },
      }
    },
  }
}
