import {
  cloudWechatOpenApi,
  type CloudOpenApiLike,
  type CloudSubscribeSendParams,
} from '../../../cloudfunctions/adapters/wechat/cloud-open-api'
import type { SubscribeMessage } from '../../../cloudfunctions/ports/wechat-open-api'

const message: SubscribeMessage = {
  touser: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M',
  templateId: 'x5VnaxFdQSgE3K3JcR6mGz3fZ0kz5TtOaCzQ7Tg8c1E',
  page: 'pages/merchant/case/index?id=c1',
  data: { thing1: { value: '商家响应时限' }, character_string2: { value: 'KS-20261122-0007' }, phrase4: { value: '已超时' } },
  miniprogramState: 'formal',
}

/** Behaves like wx-server-sdk's cloud.openapi: resolves { errCode: 0 } or rejects with errCode / errMsg. */
function fakeOpenApi(answer: () => Promise<unknown>) {
  const calls: CloudSubscribeSendParams[] = []
  const openapi: CloudOpenApiLike = {
    subscribeMessage: {
      send: (params) => {
        calls.push(params)
        return answer()
      },
    },
  }
  return { openapi, calls }
}

const sdkError = (errCode: number, errMsg: string) =>
  Object.assign(new Error(`errCode: ${errCode} | errMsg: ${errMsg}`), { errCode, errMsg })

describe('WeChat open API through CloudBase cloud call', () => {
  it('when a message is sent, then the SDK gets the cloud-call parameters and the send succeeds', async () => {
    const { openapi, calls } = fakeOpenApi(async () => ({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }))
    await expect(cloudWechatOpenApi(openapi).sendSubscribeMessage(message)).resolves.toEqual({ ok: true })
    expect(calls).toEqual([
      {
        touser: message.touser,
        templateId: message.templateId,
        page: message.page,
        data: message.data,
        miniprogramState: 'formal',
        lang: 'zh_CN',
      },
    ])
  })

  it('when the SDK rejects with 43101, then the failure is permanent NO_SUBSCRIPTION', async () => {
    const { openapi } = fakeOpenApi(async () => Promise.reject(sdkError(43101, 'user refuse to accept the msg')))
    await expect(cloudWechatOpenApi(openapi).sendSubscribeMessage(message)).resolves.toMatchObject({
      ok: false,
      retryable: false,
      code: 'NO_SUBSCRIPTION',
    })
  })

  it('when the SDK rejects with -1, then the failure is retryable', async () => {
    const { openapi } = fakeOpenApi(async () => Promise.reject(sdkError(-1, 'system error')))
    await expect(cloudWechatOpenApi(openapi).sendSubscribeMessage(message)).resolves.toMatchObject({
      ok: false,
      retryable: true,
      code: 'WECHAT_BUSY',
    })
  })

  it('when the function lacks the openapi permission, then the failure is permanent and says so', async () => {
    const { openapi } = fakeOpenApi(async () => Promise.reject(sdkError(-604101, 'function has no permission to call this API')))
    await expect(cloudWechatOpenApi(openapi).sendSubscribeMessage(message)).resolves.toMatchObject({
      ok: false,
      retryable: false,
      code: 'OPENAPI_NOT_PERMITTED',
    })
  })

  it('when the SDK resolves with a non-zero errCode, then it is mapped like a rejection', async () => {
    const { openapi } = fakeOpenApi(async () => ({ errCode: 47003, errMsg: 'argument invalid! data.thing1.value is empty' }))
    await expect(cloudWechatOpenApi(openapi).sendSubscribeMessage(message)).resolves.toMatchObject({
      ok: false,
      retryable: false,
      code: 'INVALID_DATA',
    })
  })

  it('when the call fails without a code, then the failure is retryable', async () => {
    const { openapi } = fakeOpenApi(async () => Promise.reject(new Error('ESOCKETTIMEDOUT')))
    await expect(cloudWechatOpenApi(openapi).sendSubscribeMessage(message)).resolves.toMatchObject({
      ok: false,
      retryable: true,
      code: 'CLOUD_CALL_FAILED',
    })
  })

  it('when a value breaks WeChat limits, then the SDK is not called', async () => {
    const { openapi, calls } = fakeOpenApi(async () => ({ errCode: 0 }))
    const bad = { ...message, data: { ...message.data, phrase4: { value: '已经超过时限' } } }
    await expect(cloudWechatOpenApi(openapi).sendSubscribeMessage(bad)).resolves.toMatchObject({ ok: false, code: 'INVALID_DATA' })
    expect(calls).toEqual([])
  })
})
