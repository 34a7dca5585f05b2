import { useCallback } from 'react'
import { call } from '../api'
import { INBOX_REFRESH_MS, type InboxAs } from './use-inbox'
import { usePollWhileShown } from './use-inbox-poll'
import { useRemote } from './use-remote'

/** The unread count for a 消息 link: null until known, or when this caller has no such inbox. */
export function useInboxUnread(as: InboxAs): number | null {
  const load = useCallback(() => call('inbox', 'list', { as }), [as])
  const { state, reload } = useRemote(load, { refreshOnShow: true })
  usePollWhileShown(reload, INBOX_REFRESH_MS)
  return state.status === 'ready' ? state.data.unread : null
}
