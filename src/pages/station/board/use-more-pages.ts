import { useEffect, useState } from 'react'
import { call } from '../../../api'
import type { ActionOutput } from '../../../domain/api/contract'
import type { BoardFilter } from './board-filters'

type Board = ActionOutput<'station', 'listCases'>
type Item = Board['items'][number]

// The board comes a page at a time (due soonest first, paged by the server's cursor). The first page
// is the screen's own load; "加载更多" appends the next ones. A new first page (a changed filter, a
// refresh on show) starts over, so what is listed is always one consistent walk from the top.
export function useMorePages(first: Board | null, filter: BoardFilter) {
  const [more, setMore] = useState<{ items: Item[]; nextCursor: string | null } | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    setMore(null)
    setError(null)
  }, [first])

  const nextCursor = more ? more.nextCursor : (first?.nextCursor ?? null)
  const loadMore = async () => {
    if (!nextCursor || busy) return
    setBusy(true)
    const r = await call('station', 'listCases', { ...filter, cursor: nextCursor })
    setBusy(false)
    if (!r.ok) {
      setError(r.error.message)
      return
    }
    setError(null)
    setMore((prev) => ({ items: [...(prev?.items ?? []), ...r.data.items], nextCursor: r.data.nextCursor }))
  }
  return { items: [...(first?.items ?? []), ...(more?.items ?? [])], hasMore: nextCursor !== null, busy, error, loadMore }
}
