import Taro from '@tarojs/taro'
import { MAX_SEGMENT_MS } from './recorder-limits'
import type { VoiceEngine, VoiceEvents } from './recorder'

// The mini-program fallback when WechatSI is missing: WeChat's RecorderManager records mp3 (16 kHz
// mono, what the server's ASR wants), the file is uploaded as audio evidence and transcribed there.
// The manager is one per app and its on* calls register listeners, so they are registered once and
// forward to whichever segment is current.
export function recorderManagerEngine(): VoiceEngine | null {
  if (typeof Taro.getRecorderManager !== 'function') return null
  const manager = Taro.getRecorderManager()
  let current: VoiceEvents | null = null
  const take = () => {
    const events = current
    current = null
    return events
  }
  manager.onStart(() => current?.onStarted())
  manager.onStop((res) => {
    take()?.onRecorded({
      file: { name: 'recording.mp3', size: res.fileSize, type: 'audio/mpeg', path: res.tempFilePath },
      text: null,
      durationMs: res.duration,
    })
  })
  manager.onError((res) => {
    const auth = /auth|permission/i.test(res?.errMsg ?? '')
    take()?.onError(auth ? '没有麦克风权限：请点右上角「···」→「设置」，允许使用麦克风' : '录音没有成功，请再试一次')
  })
  return {
    recognises: 'server',
    start(events) {
      current = events
      manager.start({ duration: MAX_SEGMENT_MS, format: 'mp3', sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 48000 })
      let stopping = false
      return {
        stop: () => {
          if (current !== events || stopping) return
          stopping = true
          manager.stop()
        },
        cancel: () => {
          if (current !== events) return
          current = null
          manager.stop()
        },
      }
    },
  }
}
