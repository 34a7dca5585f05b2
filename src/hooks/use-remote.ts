import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppError, Result } from '../domain/errors'

// One load from the gateway, as a small state machine a page can render from. Answers that arrive
// after a newer request started are dropped, so a slow first answer can't overwrite a fresh one.
export type RemoteState<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; error: AppError }

export interface RemoteOptions {
  /** reload every time the page is shown again (a list the person comes back to) */
  refreshOnShow?: boolean
}

export function useRemote<T>(load: () => Promise<Result<T>>, options: RemoteOptions = {}) {
  const [state, setState] = useState<RemoteState<T>>({ status: 'loading' })
  const latest = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const reload = useCallback(async () => {
    const ticket = ++latest.current
    const result = await loadRef.current()
    if (ticket !== latest.current) return
    // keep showing what we had while a refresh runs; replace it only when the answer is in
    setState(result.ok ? { status: 'ready', data: result.data } : { status: 'failed', error: result.error })
  }, [])

  const shownOnce = useRef(false)
  useEffect(() => {
    void reload()
  }, [reload])
  useDidShow(() => {
    // the first show comes right after mount, which the effect above already loads for
    if (!shownOnce.current) {
      shownOnce.current = true
      return
    }
    if (options.refreshOnShow) void reload()
  })

  const retry = useCallback(() => {
    setState({ status: 'loading' })
    void reload()
  }, [reload])

  return { state, reload, retry }
}
