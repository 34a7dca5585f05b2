import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import { hmacLinkSigner } from '../../cloudfunctions/adapters/system/hmac-link-signer'

const KEY = new Uint8Array(32).fill(3)
const NOW = new Date('2026-03-10T02:00:00Z')
const in10min = new Date(NOW.getTime() + 10 * 60_000)

describe('hmacLinkSigner — short-lived evidence links', () => {
  const signer = hmacLinkSigner(KEY)

  it('when a token is verified before it expires, then it names the evidence', () => {
    const token = signer.sign('3f2c9a7e-0000-4000-8000-000000000001', in10min)
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
    expect(signer.verify(token, NOW)).toBe('3f2c9a7e-0000-4000-8000-000000000001')
    expect(signer.verify(token, new Date(in10min.getTime() - 1000))).toBe('3f2c9a7e-0000-4000-8000-000000000001')
  })

  it('when the expiry is reached or passed, then the token is refused', () => {
    const token = signer.sign('ev-1', in10min)
    expect(signer.verify(token, in10min)).toBeNull()
    expect(signer.verify(token, new Date(in10min.getTime() + 1))).toBeNull()
  })

  it('when the payload is changed to another id or a later expiry, then the token is refused', () => {
    const token = signer.sign('ev-1', in10min)
    const [, mac] = token.split('.')
    const forge = (payload: string) => `${Buffer.from(payload).toString('base64url')}.${mac}`
    expect(signer.verify(forge('ev-2.' + Math.floor(in10min.getTime() / 1000)), NOW)).toBeNull()
    expect(signer.verify(forge('ev-1.' + (Math.floor(in10min.getTime() / 1000) + 86400 * 365)), NOW)).toBeNull()
  })

  it('when another key signed it, then it is refused', () => {
    const other = hmacLinkSigner(new Uint8Array(32).fill(4))
    expect(signer.verify(other.sign('ev-1', in10min), NOW)).toBeNull()
  })

  it('when any single character of a token is changed, then it is refused', () => {
    const token = signer.sign('ev-1', in10min)
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    fc.assert(
      fc.property(fc.nat(token.length - 1), fc.constantFrom(...alphabet), (at, c) => {
        fc.pre(token[at] !== '.' && token[at] !== c)
        const tampered = token.slice(0, at) + c + token.slice(at + 1)
        // base64url may ignore the last character's low bits; a change that decodes to the same bytes is the same token
        const same =
          Buffer.from(tampered.split('.')[0], 'base64url').equals(Buffer.from(token.split('.')[0], 'base64url')) &&
          Buffer.from(tampered.split('.')[1], 'base64url').equals(Buffer.from(token.split('.')[1], 'base64url'))
        expect(signer.verify(tampered, NOW)).toBe(same ? 'ev-1' : null)
      }),
      { numRuns: 500 },
    )
  })

  it.each([
    ['empty', ''],
    ['no dot', 'abcdef'],
    ['three parts', 'a.b.c'],
    ['an empty mac', 'ZXYtMS4x.'],
    ['non-base64url characters', 'ev+1.abc/def='],
    ['a short mac', `${Buffer.from('ev-1.9999999999').toString('base64url')}.AAAA`],
    ['a huge token', 'A'.repeat(10_000) + '.' + 'A'.repeat(43)],
  ])('when the token is malformed (%s), then it is refused without throwing', (_label, token) => {
    expect(signer.verify(token, NOW)).toBeNull()
  })

  it('when the signed payload has no id or a non-numeric expiry, then it is refused', () => {
    const signed = (payload: string) =>
      `${Buffer.from(payload).toString('base64url')}.${createHmac('sha256', Buffer.from(KEY)).update(payload).digest('base64url')}`
    expect(signer.verify(signed('ev-1.9999999999'), NOW)).toBe('ev-1') // the forging helper is right…
    expect(signer.verify(signed('.9999999999'), NOW)).toBeNull() // …and these are not
    expect(signer.verify(signed('ev-1.soon'), NOW)).toBeNull()
    expect(signer.verify(signed('ev-1'), NOW)).toBeNull()
    expect(signer.verify(signed('ev-1.1e12'), NOW)).toBeNull()
  })

  it('when random strings are verified, then none passes and none throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => expect(signer.verify(s, NOW)).toBeNull()),
      { numRuns: 1000 },
    )
  })

  it('when the key is shorter than 32 bytes, then the signer refuses to start', () => {
    expect(() => hmacLinkSigner(new Uint8Array(16))).toThrow(/32 bytes/)
  })

  it("when the caller's key array changes later, then existing links still verify", () => {
    const key = new Uint8Array(32).fill(5)
    const s = hmacLinkSigner(key)
    const token = s.sign('ev-1', in10min)
    key.fill(6)
    expect(s.verify(token, NOW)).toBe('ev-1')
  })
})
