import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import type { Secrets } from '../../ports/system'

// scrypt with N=2^15, r=8, p=1 (OWASP's minimum for scrypt): ~60 ms here, 32 MB of memory per check.
// The parameters are stored with the hash so they can be raised later without breaking old hashes.
const N = 1 << 15
const R = 8
const P = 1
const KEY_LENGTH = 32

function scryptAsync(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keylen, { ...options, maxmem: 128 * (options.N ?? N) * (options.r ?? R) * 2 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  )
}

export const nodeSecrets: Secrets = {
  async hashPassword(password) {
    const salt = randomBytes(16)
    const key = await scryptAsync(password, salt, KEY_LENGTH, { N, r: R, p: P })
    return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$')
  },
  async verifyPassword(password, stored) {
    const [scheme, n, r, p, salt, key] = stored.split('$')
    if (scheme !== 'scrypt' || !salt || !key) return false
    const expected = Buffer.from(key, 'base64url')
    const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, {
      N: Number(n),
      r: Number(r),
      p: Number(p),
    })
    return actual.length === expected.length && timingSafeEqual(actual, expected)
  },
  hashToken: (token) => createHash('sha256').update(token).digest('hex'),
  newToken: () => randomBytes(16).toString('base64url'),
  randomBytes: (n) => new Uint8Array(randomBytes(n)),
}
