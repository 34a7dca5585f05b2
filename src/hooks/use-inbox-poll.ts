import { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useRef } from 'react'

// Messages arrive while the person looks at a page (the outbox is delivered every few seconds), so
// inbox views ask again every little while — but only while their page is the one on screen: a page
// left behind in the stack, or an app in the background, costs no requests.
export function usePollWhileShown(refresh: () => unknown, everyMs: number) {
  const shown = useRef(true) // a component mounts on the page being shown
  const refreshRef = useRef(refresh)
  refreshRef.current = refresh
  useDidShow(() => {
    shown.current = true
  })
  useDidHide(() => {
    shown.current = false
  })
  useEffect(() => {
    const timer = setInterval(() => {
      if (shown.current) void refreshRef.current()
    }, everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
}
