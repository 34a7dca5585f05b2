import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { Base64KeySchema } from '../adapters/system/base64-key'

// Two secrets: the data key seals personal data at rest (AES-256-GCM), the link key signs the
// short-lived evidence links (HMAC). Self-hosted deployments set them in the environment; the local
// default makes them once and keeps them in <dataDir>/keys.json (mode 600) — losing that file
// makes the sealed data unreadable, so back it up with the database.
const KeysFile = z.object({ dataKey: Base64KeySchema, linkKey: Base64KeySchema })

export interface HostKeys {
  dataKey: Uint8Array
  linkKey: Uint8Array
}

export function loadOrCreateKeys(dataDir: string, fromEnv: { dataKey?: Uint8Array; linkKey?: Uint8Array }): HostKeys {
  if (fromEnv.dataKey && fromEnv.linkKey) return { dataKey: fromEnv.dataKey, linkKey: fromEnv.linkKey }
  const file = join(dataDir, 'keys.json')
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true })
    const fresh = { dataKey: randomBytes(32).toString('base64'), linkKey: randomBytes(32).toString('base64') }
    writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600, flag: 'wx' })
  }
  const stored = KeysFile.parse(JSON.parse(readFileSync(file, 'utf8')))
  return { dataKey: fromEnv.dataKey ?? stored.dataKey, linkKey: fromEnv.linkKey ?? stored.linkKey }
}
