import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { Base64KeySchema } from '../adapters/system/base64-key'

// Two secrets: the data key seals personal data at rest (AES-256-GCM), the link key signs the
// short-lived evidence links (HMAC). Self-hosted deployments set them in the environment; the local
// default makes them once and keeps them in <dataDir>/keys.json (mode 600) — losing that file
// makes the sealed data unreadable, so back it up with the database.
// A third, the chain key, signs every case event and the daily chain heads (HMAC): it must not live
// in the database it protects. keys.json written before it existed gets one added on first start.
const KeysFile = z.object({ dataKey: Base64KeySchema, linkKey: Base64KeySchema, chainKey: Base64KeySchema.optional() })

export interface HostKeys {
  dataKey: Uint8Array
  linkKey: Uint8Array
  chainKey: Uint8Array
}

export function loadOrCreateKeys(
  dataDir: string,
  fromEnv: { dataKey?: Uint8Array; linkKey?: Uint8Array; chainKey?: Uint8Array },
): HostKeys {
  if (fromEnv.dataKey && fromEnv.linkKey && fromEnv.chainKey)
    return { dataKey: fromEnv.dataKey, linkKey: fromEnv.linkKey, chainKey: fromEnv.chainKey }
  const file = join(dataDir, 'keys.json')
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true })
    const fresh = {
      dataKey: randomBytes(32).toString('base64'),
      linkKey: randomBytes(32).toString('base64'),
      chainKey: randomBytes(32).toString('base64'),
    }
    writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600, flag: 'wx' })
  }
  const stored = KeysFile.parse(JSON.parse(readFileSync(file, 'utf8')))
  const chainKey = fromEnv.chainKey ?? stored.chainKey ?? addChainKey(file)
  return { dataKey: fromEnv.dataKey ?? stored.dataKey, linkKey: fromEnv.linkKey ?? stored.linkKey, chainKey }
}

/** keys.json from before the chain key: add one, keeping the other keys as they are (written aside, then renamed over). */
function addChainKey(file: string): Uint8Array {
  const chainKey = randomBytes(32)
  const current: unknown = JSON.parse(readFileSync(file, 'utf8'))
  const next = { ...z.record(z.string(), z.unknown()).parse(current), chainKey: chainKey.toString('base64') }
  writeFileSync(`${file}.new`, JSON.stringify(next, null, 2), { mode: 0o600 })
  renameSync(`${file}.new`, file)
  return new Uint8Array(chainKey)
}
