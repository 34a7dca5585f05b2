import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import type { AppError } from '../domain/errors'
import type { RemoteState } from './use-remote'

/** Station pages: a load refused as "not signed in / not allowed" sends the person to sign in. */
export const isSignedOut = (error: AppError | null | undefined) => error?.code === 'UNAUTHENTICATED' || error?.code === 'FORBIDDEN'

// The login page only accepts a short key for where to go next (never a URL), and the board is the
// way into every station page, so that is where a fresh sign-in lands.
const STATION_LOGIN_NEXT_BOARD = '/pages/station/login/index?next=board'

export function useSignedOutRedirect<T>(state: RemoteState<T>): boolean {
  const signedOut = state.status === 'failed' && isSignedOut(state.error)
  useEffect(() => {
    if (signedOut) void Taro.redirectTo({ url: STATION_LOGIN_NEXT_BOARD })
  }, [signedOut])
  return signedOut
}
