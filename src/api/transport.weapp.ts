import Taro from '@tarojs/taro'
import { fail } from '../domain/errors'
import { readEnvelope } from './envelope'
import type { Send } from './transport'

// WeChat: each function is a CloudBase cloud function. The platform attaches the caller's OPENID,
// so nothing about identity travels in the body.
let cloudReady = false

function ensureCloud(): void {
  if (cloudReady) return
  // '' in .env means "the mini-program's default environment", which init expresses as undefined
  Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true })
  cloudReady = true
}

export const send: Send = async (fn, body) => {
  try {
    ensureCloud()
    const res = await Taro.cloud.callFunction({ name: fn, data: body })
    return readEnvelope(res.result)
  } catch {
    // callFunction rejects on no network, timeouts and functions that crashed before answering
    return fail('NETWORK_ERROR')
  }
}
