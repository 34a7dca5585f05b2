import fc from 'fast-check'
import { signTc3, type Tc3Call } from '../../../cloudfunctions/adapters/tencent/tc3-signer'
import { tc3Steps, verifyTc3 } from '../../support/tencent-loopback'

// Tencent's worked example ("Signature v3", tencentcloud.com/document/api/…, section "Signature Demo"):
// DescribeInstances on cvm, 2017-03-12, ap-guangzhou, X-TC-Timestamp 1551113065, this exact body with
// literal \u escapes. The page masks the SecretId; the SecretKey it gives in step 3 is
// Gu5t9xGARNpq86cd98joQYCN3EXAMPLE and it publishes every intermediate value checked below.
const DOC_PAYLOAD = String.raw`{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}`
const DOC_SECRET_ID = 'AKID**********************0123456789EXAMPLE'
const DOC_CALL: Tc3Call = {
  service: 'cvm',
  host: 'cvm.tencentcloudapi.com',
  action: 'DescribeInstances',
  version: '2017-03-12',
  region: 'ap-guangzhou',
  payload: DOC_PAYLOAD,
  timestampSeconds: 1551113065,
}
const docInputs = (secretKey: string) => ({
  method: 'POST',
  path: '/',
  query: '',
  signedHeaders: [
    ['content-type', 'application/json; charset=utf-8'],
    ['host', 'cvm.tencentcloudapi.com'],
  ] satisfies [string, string][],
  payload: new TextEncoder().encode(DOC_PAYLOAD),
  timestamp: '1551113065',
  date: '2019-02-25',
  service: 'cvm',
  secretKey,
})

describe('TC3-HMAC-SHA256 — Tencent Cloud API 3.0 signing', () => {
  it("when the docs' example is signed, then the Authorization is the one the docs publish", () => {
    const headers = signTc3(DOC_CALL, { secretId: DOC_SECRET_ID, secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE' })
    expect(headers).toEqual({
      Authorization:
        'TC3-HMAC-SHA256 Credential=AKID**********************0123456789EXAMPLE/2019-02-25/cvm/tc3_request, ' +
        'SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
      'Content-Type': 'application/json; charset=utf-8',
      Host: 'cvm.tencentcloudapi.com',
      'X-TC-Action': 'DescribeInstances',
      'X-TC-Version': '2017-03-12',
      'X-TC-Timestamp': '1551113065',
      'X-TC-Region': 'ap-guangzhou',
    })
  })

  it("when the test verifier walks the docs' example, then every intermediate value matches the docs", async () => {
    const steps = await tc3Steps(docInputs('Gu5t9xGARNpq86cd98joQYCN3EXAMPLE'))
    expect(steps.hashedPayload).toBe('35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064')
    expect(steps.canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n' +
        '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    )
    expect(steps.hashedCanonicalRequest).toBe('5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031')
    expect(steps.stringToSign).toBe(
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    )
    expect(steps.signature).toBe('72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168')
  })

  it('when the older Chinese edition of the example (masked key) is signed, then both implementations give its published signature', async () => {
    // cloud.tencent.com/document/api/213/30654 printed the key as "Gu5t9xGARNpq86cd98joQYCN3*******" and signed with it literally
    const published = '2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c'
    const headers = signTc3(DOC_CALL, { secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******', secretKey: 'Gu5t9xGARNpq86cd98joQYCN3*******' })
    expect(headers.Authorization).toMatch(new RegExp(`Signature=${published}$`))
    expect((await tc3Steps(docInputs('Gu5t9xGARNpq86cd98joQYCN3*******'))).signature).toBe(published)
  })

  it('when a Beijing-morning timestamp is signed, then the scope carries the UTC date, not the local one', () => {
    // 2026-03-10 00:30 in Asia/Shanghai is still 2026-03-09 in UTC
    const headers = signTc3({ ...DOC_CALL, timestampSeconds: Date.UTC(2026, 2, 9, 16, 30) / 1000 }, { secretId: 'id', secretKey: 'k' })
    expect(headers.Authorization).toContain('Credential=id/2026-03-09/cvm/tc3_request')
  })

  it('when temporary credentials are used, then the session token travels as X-TC-Token', () => {
    const headers = signTc3(DOC_CALL, { secretId: 'id', secretKey: 'k', sessionToken: 'tok' })
    expect(headers['X-TC-Token']).toBe('tok')
  })

  it('when anything is signed, then the independent verifier accepts it, and refuses it once the body or key changes', async () => {
    const verify = (headers: Record<string, string>, body: string, secretKey: string, now: number) =>
      verifyTc3(
        {
          method: 'POST',
          url: '/',
          headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
          body: new TextEncoder().encode(body),
        },
        { secretId: 'AKIDtest', secretKey, service: 'sms' },
        now,
      )
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.integer({ min: 1_500_000_000, max: 2_500_000_000 }),
        fc.string({ minLength: 1, maxLength: 40 }),
        async (text, ts, secretKey) => {
          const payload = JSON.stringify({ Text: text })
          const call = { ...DOC_CALL, service: 'sms', host: 'sms.tencentcloudapi.com', payload, timestampSeconds: ts }
          const headers = signTc3(call, { secretId: 'AKIDtest', secretKey })
          expect(await verify(headers, payload, secretKey, ts)).toEqual({ ok: true })
          expect((await verify(headers, payload + ' ', secretKey, ts)).ok).toBe(false)
          expect((await verify(headers, payload, secretKey + 'x', ts)).ok).toBe(false)
        },
      ),
      { numRuns: 60 },
    )
  })
})
