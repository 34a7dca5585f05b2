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
