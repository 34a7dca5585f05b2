import type { Result } from '../domain/errors'
import type { StaffSession } from './session.schema'

// Staff sign-in exists only on the desk browser (H5, session.h5.ts): in the WeChat build these
// answer with an explanation instead of calling anything. Pages import this file; Taro swaps in
// the .h5 version for the H5 build.
const DESK_ONLY: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '工作人员请在电脑浏览器中登录维权站工作台' },
}

export async function login(_username: string, _password: string): Promise<Result<StaffSession>> {
  return DESK_ONLY
}

export async function logout(): Promise<Result<null>> {
  return DESK_ONLY
}
