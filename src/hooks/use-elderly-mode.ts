import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'

// 大字模式: large type, big touch targets and high contrast for people who find the normal page hard
// to read. Remembered per device (Taro storage), and shared by every mounted page: pages that
// stay alive under the current one (Taro keeps them) must switch too, so the value lives here, in
// one module-level cell with listeners, rather than in any one page's state.
const STORAGE_KEY = 'kuaisu:elderly-mode'

let current: boolean | null = null
const listeners = new Set<(on: boolean) => void>()

function read(): boolean {
  if (current === null) {
    try {
      current = Taro.getStorageSync(STORAGE_KEY) === true
    } catch {
      current = false // storage blocked (private mode): normal type until switched on
    }
  }
  return current
}

export function setElderlyMode(on: boolean): void {
  current = on
  try {
    Taro.setStorageSync(STORAGE_KEY, on)
  } catch {
    // not remembered after a reload, but applied now
  }
  listeners.forEach((listener) => listener(on))
}

export function useElderlyMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(read)
  useEffect(() => {
    listeners.add(setOn)
    setOn(read()) // it may have changed between the first render and this effect
    return () => {
      listeners.delete(setOn)
    }
  }, [])
  return [on, setElderlyMode]
}
