import Taro from '@tarojs/taro'
import { z } from 'zod'

// Who filed last on this phone (姓名, 手机号码, 联系地址), so the next complaint starts filled in.
// Kept in this device's storage only — never sent anywhere but with a complaint — and the form
// says so and offers to forget it (a shared or borrowed phone). Only a shopper's own filing writes
// it: never a proxy filing at a desk, never an anonymous report.
const KEY = 'kuaisu:identity'

const IdentitySchema = z.object({ name: z.string(), phone: z.string(), address: z.string() })
export type RememberedIdentity = z.infer<typeof IdentitySchema>

export function readIdentity(): RememberedIdentity | null {
  try {
    const parsed = IdentitySchema.safeParse(Taro.getStorageSync(KEY))
    return parsed.success && (parsed.data.name || parsed.data.phone || parsed.data.address) ? parsed.data : null
  } catch {
    return null
  }
}

export function rememberIdentity(identity: RememberedIdentity): void {
  if (!identity.name && !identity.phone && !identity.address) return
  try {
    Taro.setStorageSync(KEY, identity)
  } catch {
    // the next form simply starts empty
  }
}

export function forgetIdentity(): void {
  try {
    Taro.removeStorageSync(KEY)
  } catch {
    // nothing to do
  }
}
