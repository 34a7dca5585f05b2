import type { CloudGetUnlimitedParams, CloudWxacodeLike } from '../../cloudfunctions/adapters/wechat/cloud-mini-code'

// wx-server-sdk's cloud.openapi.wxacode, as it behaves: resolves { contentType, buffer, errCode: 0,
// errMsg } with the picture, or rejects with an error carrying WeChat's errCode. Every request is kept
// so a test can assert what was asked of WeChat (page, scene, version, width).
export const FAKE_PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])

export function fakeWxacode(behaviour: 'ok' | 'reject' | 'garbage' = 'ok') {
  const calls: CloudGetUnlimitedParams[] = []
  const openapi: CloudWxacodeLike = {
    wxacode: {
      async getUnlimited(params) {
        calls.push(params)
        if (behaviour === 'reject') throw Object.assign(new Error('errCode: 41030 invalid page'), { errCode: 41030 })
        if (behaviour === 'garbage') return { errCode: 0 }
        return { contentType: 'image/png', buffer: Buffer.from(FAKE_PNG), errCode: 0, errMsg: 'openapi.wxacode.getUnlimited:ok' }
      },
    },
  }
  return { openapi, calls }
}
