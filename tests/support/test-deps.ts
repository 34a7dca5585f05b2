import { chineseDaysTable } from '../../cloudfunctions/adapters/calendar/chinese-days-table'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { diskFileStore } from '../../cloudfunctions/adapters/files/disk-file-store'
import { sharpImages } from '../../cloudfunctions/adapters/media/sharp-images'
import { noUploadedObjects } from '../../cloudfunctions/adapters/files/no-uploaded-objects'
import { signedFileLinks } from '../../cloudfunctions/adapters/files/signed-file-links'
import { openSqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import { aesVault } from '../../cloudfunctions/adapters/system/aes-vault'
import { hmacLinkSigner } from '../../cloudfunctions/adapters/system/hmac-link-signer'
import { hmacChainSigner } from '../../cloudfunctions/adapters/system/hmac-chain-signer'
import { fileChainAnchors } from '../../cloudfunctions/adapters/chain/file-chain-anchors'
import { nodeSecrets } from '../../cloudfunctions/adapters/system/node-secrets'
import { fixedClock } from '../../cloudfunctions/adapters/system/system-clock'
import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import { openCloudbaseTestStore } from './cloudbase-test-store'
import { openPostgresTestStore } from './postgres-test-db'
import type { Deps } from '../../cloudfunctions/services/context'
import { unavailableSpeech } from '../../cloudfunctions/ports/speech'
import { pgliteTemplate } from './pglite-template'

/** A fresh, migrated store: PGlite from the suite's template, or PostgreSQL when a URL is given. */
export async function openTestStore(): Promise<Store & StoreInspection> {
  // jest.pg.config.js runs the handler suites again on a PostgreSQL server.
  if (process.env.KS_TEST_STORE === 'postgres') return openPostgresTestStore()
  // jest.cloudbase.config.js runs them on the CloudBase document database (loopback, real SDK).
  if (process.env.KS_TEST_STORE === 'cloudbase') return openCloudbaseTestStore()
  return openSqlStore(pgliteTemplate(), TEST_VAULT)
}

/** One fixed key for the suite, so a test can also open what it sealed. */
export const TEST_DATA_KEY = new Uint8Array(32).fill(7)
export const TEST_VAULT = aesVault(TEST_DATA_KEY)

/** One fixed CHAIN_KEY for the suite, so a test can verify what the services signed. */
export const TEST_CHAIN_KEY = new Uint8Array(32).fill(5)

/** Ids that read well in failures: id-00000001, id-00000002, … */
export function sequentialIds(prefix = 'id') {
  let n = 0
  return { newId: () => `${prefix}-${String(++n).padStart(8, '0')}` }
}

export const DEFAULT_NOW = new Date('2026-03-10T02:00:00Z') // 10:00 in Shanghai, a working Tuesday

export function makeDeps(store: Store, now: Date = DEFAULT_NOW): Deps & { clock: ReturnType<typeof fixedClock> } {
  const links = hmacLinkSigner(new Uint8Array(32).fill(9))
  return {
    store,
    clock: fixedClock(now),
    ids: sequentialIds(),
    secrets: nodeSecrets,
    files: diskFileStore(mkdtempSync(join(tmpdir(), 'kuaisu-files-'))),
    links,
    fileLinks: signedFileLinks(links),
    uploads: noUploadedObjects,
    calendar: chineseDaysTable(),
    speech: unavailableSpeech,
    images: sharpImages,
    chainSigner: hmacChainSigner(TEST_CHAIN_KEY),
    chainAnchors: fileChainAnchors(join(mkdtempSync(join(tmpdir(), 'kuaisu-anchors-')), 'chain-heads.log')),
  }
}
