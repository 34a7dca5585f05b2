// The invocation context CloudBase hands a function: the caller's identity arrives in
// `environment` (a JSON string) and WX_CONTEXT_KEYS lists which keys are the WeChat context.
export function wxContext(openId: string) {
  return {
    request_id: 'test-request',
    environment: JSON.stringify({
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
      WX_OPENID: openId,
      WX_APPID: 'wx-test-app',
      WX_UNIONID: '',
    }),
  }
}

// Without this the SDK first probes a Tencent metadata host to find out where it runs.
process.env.TENCENTCLOUD = 'true'
// The SDK's own switch for its "[TCB][WARN] … longer than 3s" timer on every database call. On a
// loaded machine the loopback can take that long; the timer then outlives the test file, and jest
// fails the whole run for a console.warn after the tests were done (all tests passed, exit 1).
process.env.SILENCE = 'true'
