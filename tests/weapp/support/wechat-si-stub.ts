import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DIST } from './mini-program'

// A stand-in for WeChat's 同声传译 plugin (WechatSI) and for `requirePlugin` as WeChat provides it:
// a plugin is handed out only when the built app.json declares it (and the test says it is
// "added" to the mini-program); otherwise the call throws, like WeChat's.
//
// Why an accessor on globalThis: bootApp (mini-program.ts) installs its own requirePlugin — one that
// always throws, for an app that declares no plugin — and taro.js copies whatever `requirePlugin` is
// into Taro.requirePlugin when it loads. The setter keeps bootApp's function as the "not declared"
// answer; the getter hands taro.js this one.

/** The plugin's recognition manager: callbacks are assigned as properties, like the real one. */
export interface StubRecognitionManager {
  starts: unknown[]
  stops: number
  onStart?: () => void
  onRecognize?: (res: { result: string }) => void
  onStop?: (res: { tempFilePath: string; duration: number; fileSize: number; result: string }) => void
  onError?: (res: { retcode: number; msg: string }) => void
  start(options: unknown): void
  stop(): void
}

export interface WechatSiControl {
  manager: StubRecognitionManager
  /** false: the plugin is declared but WeChat will not load it (not added in the admin console) */
  added: boolean
  requests: string[]
  reset(): void
}

export function installWechatSi(): WechatSiControl {
  const manager: StubRecognitionManager = {
    starts: [],
    stops: 0,
    start(options) {
      manager.starts.push(options)
      setTimeout(() => manager.onStart?.(), 0) // the real plugin opens the microphone asynchronously
    },
    stop() {
      manager.stops++ // the test plays the plugin's onStop / onError
    },
  }
  const plugin = { getRecordRecognitionManager: () => manager }
  const control: WechatSiControl = {
    manager,
    added: true,
    requests: [],
    reset() {
      manager.starts.length = 0
      manager.stops = 0
      control.requests.length = 0
      control.added = true
    },
  }
  let notDeclared: (name: string) => unknown = (name) => {
    throw new Error(`requirePlugin: plugin "${name}" is not declared`)
  }
  const declared = (): Record<string, unknown> => JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')).plugins ?? {}
  Object.defineProperty(globalThis, 'requirePlugin', {
    configurable: true,
    get: () => (name: string) => {
      control.requests.push(name)
      if (name === 'WechatSI' && control.added && name in declared()) return plugin
      return notDeclared(name)
    },
    set: (fn: (name: string) => unknown) => {
      notDeclared = fn
    },
  })
  return control
}
