import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { Deps } from '../services/context'
import { DEMO_MERCHANTS, DEMO_SITE, DEMO_STAFF } from './demo-data'

const CredentialsSchema = z.object({
  passwords: z.record(z.string(), z.string()),
  clerkKey: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
})
export type DemoCredentials = z.infer<typeof CredentialsSchema>

const CREDENTIALS_FILE = 'demo-credentials.json'

function readCredentials(dataDir: string): DemoCredentials | null {
  const file = join(dataDir, CREDENTIALS_FILE)
  if (!existsSync(file)) return null
  const parsed = CredentialsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
  return parsed.success ? parsed.data : null
}

/**
 * First start: the demo mall, its shops, the staff accounts and the demo clerk. Passwords are random
 * per install (or DEMO_PASSWORD) and kept in <dataDir>/demo-credentials.json (mode 600) so a restart
 * prints the same ones. Later starts change nothing but what older installs lack (backfillRegistry).
 */
export async function seedDemo(
  deps: Deps,
  opts: { dataDir: string; demoPassword?: string },
): Promise<{ credentials: DemoCredentials; created: boolean }> {
  const { store, secrets } = deps
  const known = readCredentials(opts.dataDir)
  const alreadySeeded = known !== null && (await store.getSite(DEMO_SITE.id)) !== null
  if (alreadySeeded) {
    await backfillRegistry(deps)
    return { credentials: await backfillStaff(deps, opts, known), created: false }
  }

  const credentials: DemoCredentials = {
    passwords: Object.fromEntries(DEMO_STAFF.map((s) => [s.username, opts.demoPassword ?? secrets.newToken()])),
    clerkKey: secrets.newToken(),
  }
  await store.saveSite(DEMO_SITE)
  for (const merchant of DEMO_MERCHANTS) await store.saveMerchant(merchant)
  for (const s of DEMO_STAFF) await saveDemoStaff(deps, s, credentials.passwords[s.username])
  // clerkKey only opens the demo clerk link; each browser that opens it joins as itself (entry-routes.ts)
  mkdirSync(opts.dataDir, { recursive: true })
  writeFileSync(join(opts.dataDir, CREDENTIALS_FILE), JSON.stringify(credentials, null, 2), { mode: 0o600 })
  return { credentials, created: true }
}

async function saveDemoStaff({ store, secrets, clock }: Deps, s: (typeof DEMO_STAFF)[number], password: string) {
  await store.saveStaff({ ...s, passwordHash: await secrets.hashPassword(password), createdAt: clock.now().toISOString() })
}

/** Demo accounts added since an install was seeded (e.g. station2) get a password and are printed too. */
async function backfillStaff(
  deps: Deps,
  opts: { dataDir: string; demoPassword?: string },
  known: DemoCredentials,
): Promise<DemoCredentials> {
  const missing = DEMO_STAFF.filter((s) => !known.passwords[s.username])
  if (missing.length === 0) return known
  const credentials = { ...known, passwords: { ...known.passwords } }
  for (const s of missing) {
    credentials.passwords[s.username] = opts.demoPassword ?? deps.secrets.newToken()
    await saveDemoStaff(deps, s, credentials.passwords[s.username])
  }
  writeFileSync(join(opts.dataDir, CREDENTIALS_FILE), JSON.stringify(credentials, null, 2), { mode: 0o600 })
  return credentials
}

/**
 * Installs seeded before the registry (issue 5) have demo shops without a credit code, commitment or
 * contact: fill those in once. A shop the station has since given a code is left as it is.
 */
async function backfillRegistry({ store }: Deps) {
  for (const demo of DEMO_MERCHANTS) {
    const stored = await store.getMerchant(demo.id)
    if (!stored || stored.uscc !== '') continue
    const { uscc, doubleCommitmentSigned, responseMinutes, onSiteMinutes, contactName, contactPhone } = demo
    await store.saveMerchant({ ...stored, uscc, doubleCommitmentSigned, responseMinutes, onSiteMinutes, contactName, contactPhone })
  }
}
