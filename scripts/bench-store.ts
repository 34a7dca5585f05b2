// The store and Deps every store bench runs on: the real schema on the target (PGlite or a
// PostgreSQL server), fixed throwaway keys, files in the given folder, and the demo mall's site.
// No photos, speech or cloud links: what is measured is the store.
import { chineseDaysTable } from '../cloudfunctions/adapters/calendar/chinese-days-table'
import { logChainAnchors } from '../cloudfunctions/adapters/chain/file-chain-anchors'
import { diskFileStore } from '../cloudfunctions/adapters/files/disk-file-store'
import { noUploadedObjects } from '../cloudfunctions/adapters/files/no-uploaded-objects'
import { signedFileLinks } from '../cloudfunctions/adapters/files/signed-file-links'
import { connectSql, migrateToLatest, type SqlTarget } from '../cloudfunctions/adapters/sql/connect'
import { sqlStore } from '../cloudfunctions/adapters/sql/sql-store'
import { aesVault } from '../cloudfunctions/adapters/system/aes-vault'
import { hmacChainSigner } from '../cloudfunctions/adapters/system/hmac-chain-signer'
import { hmacLinkSigner } from '../cloudfunctions/adapters/system/hmac-link-signer'
import { nodeSecrets } from '../cloudfunctions/adapters/system/node-secrets'
import { randomIds } from '../cloudfunctions/adapters/system/random-ids'
import { noImages } from '../cloudfunctions/ports/media'
import { unavailableSpeech } from '../cloudfunctions/ports/speech'
import type { Clock } from '../cloudfunctions/ports/system'
import type { Deps } from '../cloudfunctions/services/context'
import { DEMO_SITE } from '../cloudfunctions/seed/demo-data'

export async function openBenchStore<C extends Clock>(target: SqlTarget, clock: C, filesDir: string) {
  const db = await connectSql(target)
  await migrateToLatest(db)
  const vault = aesVault(new Uint8Array(32).fill(3))
  const store = sqlStore(db, vault)
  const links = hmacLinkSigner(new Uint8Array(32).fill(4))
  const deps: Deps & { clock: C } = {
    store,
    clock,
    ids: randomIds,
    secrets: nodeSecrets,
    files: diskFileStore(filesDir),
    links,
    fileLinks: signedFileLinks(links),
    uploads: noUploadedObjects,
    calendar: chineseDaysTable(),
    speech: unavailableSpeech,
    images: noImages, // the store benches take no photos in
    chainSigner: hmacChainSigner(new Uint8Array(32).fill(5)),
    chainAnchors: logChainAnchors(() => {}),
  }
  await store.saveSite(DEMO_SITE)
  return { db, vault, store, deps }
}
