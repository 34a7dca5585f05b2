// A deliberately small stand-in for the WeChat `wx` object the built app runs against.
//
// Why not miniprogram-simulate's own `wx`: it stubs ~400 APIs that all "succeed" without doing
// anything (getStorageSync always answers '', setStorageSync drops the value). Taro copies every
// key of `wx` onto `Taro` when taro.js loads, so against that stub a page could lean on an API we
// never thought about and still pass. Here only what the complaint page needs exists: anything
// else is simply absent from `Taro` too, so using it throws (e.g. "redirectTo is not a function")
// and the test fails.

export interface CloudCall {
  name: string
  data: Record<string, unknown>
}

/** Plays a cloud function: gets the call, returns what the function returns (our envelope). */
export type CloudFunction = (call: CloudCall) => unknown

interface NavOptions {
  url: string
  success?: (res: { errMsg: string }) => void
  complete?: (res: { errMsg: string }) => void
}

export interface FakeWx {
  /** the object to install as the global `wx` */
  wx: Record<string, unknown>
  cloudInits: unknown[]
  cloudCalls: CloudCall[]
  redirects: string[]
  navigations: string[]
  storage: Map<string, unknown>
  /** forget calls and storage between tests (the `wx` object itself must stay: Taro holds it) */
  reset(): void
}

// jest's jsdom environment has no structuredClone; everything stored or sent here is JSON anyway
const copy = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)))

export function createFakeWx(cloudFunction: CloudFunction): FakeWx {
  const fake = {
    cloudInits: [] as unknown[],
    cloudCalls: [] as CloudCall[],
    redirects: [] as string[],
    navigations: [] as string[],
    storage: new Map<string, unknown>(),
    reset() {
      // cloudInits is kept: the app inits once per launch, and the launch outlives a test
      fake.cloudCalls.length = 0
      fake.redirects.length = 0
      fake.navigations.length = 0
      fake.storage.clear()
    },
  }

  // wx.redirectTo / navigateTo answer through callbacks (Taro wraps them in a promise)
  const navigator = (list: string[], api: string) => (options: NavOptions) => {
    list.push(options.url)
    const res = { errMsg: `${api}:ok` }
    options.success?.(res)
    options.complete?.(res)
  }

  const wx: Record<string, unknown> = {
    cloud: {
      init: (options: unknown) => void fake.cloudInits.push(copy(options)),
      // Without success/fail callbacks the real callFunction returns a promise of
      // { result, requestID, errMsg }, and rejects if wx.cloud.init was never called.
      callFunction: async ({ name, data }: CloudCall) => {
        if (fake.cloudInits.length === 0) throw new Error('请先调用 wx.cloud.init() 完成初始化后再调用其他云 API')
        const call = { name, data: copy(data) }
        fake.cloudCalls.push(call)
        return { errMsg: 'cloud.callFunction:ok', requestID: `req-${fake.cloudCalls.length}`, result: copy(await cloudFunction(call)) }
      },
    },
    // the complaint draft (text + idempotency key) lives here; WeChat storage keeps a copy, not the object
    getStorageSync: (key: string) => (fake.storage.has(key) ? copy(fake.storage.get(key)) : ''),
    setStorageSync: (key: string, value: unknown) => void fake.storage.set(key, copy(value)),
    removeStorageSync: (key: string) => void fake.storage.delete(key),
    redirectTo: navigator(fake.redirects, 'redirectTo'),
    navigateTo: navigator(fake.navigations, 'navigateTo'),
  }
  return { ...fake, wx }
}
