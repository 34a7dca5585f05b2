import Taro from '@tarojs/taro'
import { useCallback, useMemo, useRef, useState } from 'react'
import { call } from '../api'
import type { ActionInput } from '../domain/api/contract'
import type { InboxView } from '../domain/inbox.schema'
import { usePollWhileShown } from './use-inbox-poll'
import { useRemote } from './use-remote'

// One role's inbox (消息): loaded when the page shows and every little while as long as it stays
// shown, read marks shown at once (optimistic) and sent in the background. A reload waits for the
// read marks still on their way, so coming back from a case never shows that message unread again.
export type InboxAs = ActionInput<'inbox', 'list'>['as']
export type InboxItem = InboxView['items'][number]

export const INBOX_REFRESH_MS = 15_000

export function useInbox(as: InboxAs, casePage: string) {
  const marking = useRef<Promise<unknown>>(Promise.resolve())
  const load = useCallback(async () => {
    await marking.current
    return call('inbox', 'list', { as })
  }, [as])
  const { state, reload, retry } = useRemote(load, { refreshOnShow: true })
  usePollWhileShown(reload, INBOX_REFRESH_MS)
  const [readHere, setReadHere] = useState<ReadonlySet<string>>(new Set())

  const markRead = useCallback(
    (ids: string[]) => {
      if (ids.length === 0) return Promise.resolve()
      setReadHere((prev) => new Set([...prev, ...ids]))
      const sent = call('inbox', 'markRead', { as, ids })
      marking.current = Promise.all([marking.current, sent])
      return sent.then(() => undefined)
    },
    [as],
  )

  const view = useMemo(() => {
    if (state.status !== 'ready') return null
    const items = state.data.items.map((item) => (item.readAt === null && readHere.has(item.id) ? { ...item, readAt: 'local' } : item))
    const justRead = state.data.items.filter((i) => i.readAt === null && readHere.has(i.id)).length
    return { items, unread: Math.max(0, state.data.unread - justRead) }
  }, [state, readHere])

  /** A tap on a message: it counts as read, and its case opens (the mark is not waited for). */
  const open = useCallback(
    (item: InboxItem) => {
      if (item.readAt === null) void markRead([item.id])
      void Taro.navigateTo({ url: `${casePage}?id=${encodeURIComponent(item.caseId)}` })
    },
    [casePage, markRead],
  )

  const [markingAll, setMarkingAll] = useState(false)
  const markAllRead = useCallback(async () => {
    const ids = (view?.items ?? []).filter((i) => i.readAt === null).map((i) => i.id)
    setMarkingAll(true)
    await markRead(ids)
    setMarkingAll(false)
    void reload() // older unread ones beyond the first page, if any, come into view
  }, [view, markRead, reload])

  return { state, view, retry, open, markAllRead, markingAll }
}
