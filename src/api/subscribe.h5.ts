import type { SubscribeSlot } from '../domain/notify/subscribe-messages'
import type { RequestSubscriptions } from './subscribe'

// H5: a browser gets no WeChat service notices; the in-app inbox (消息) is its channel.
export function canRequestSubscriptions(_slots: readonly SubscribeSlot[]): boolean {
  return false
}

export const requestSubscriptions: RequestSubscriptions = () => Promise.resolve([])
