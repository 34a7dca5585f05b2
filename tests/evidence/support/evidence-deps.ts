import { unavailableSpeech } from '../../../cloudfunctions/ports/speech'
import { hmacChainSigner } from '../../../cloudfunctions/adapters/system/hmac-chain-signer'
import { logChainAnchors } from '../../../cloudfunctions/adapters/chain/file-chain-anchors'
import { sharpImages } from '../../../cloudfunctions/adapters/media/sharp-images'
import { noUploadedObjects } from '../../../cloudfunctions/adapters/files/no-uploaded-objects'
import { signedFileLinks } from '../../../cloudfunctions/adapters/files/signed-file-links'
import { hmacLinkSigner } from '../../../cloudfunctions/adapters/system/hmac-link-signer'
import { nodeSecrets } from '../../../cloudfunctions/adapters/system/node-secrets'
import { fixedClock } from '../../../cloudfunctions/adapters/system/system-clock'
import type { ServiceContext } from '../../../cloudfunctions/services/context'
import { memoryEvidenceStore, memoryFiles } from './memory-store'

export const NOW = new Date('2026-03-10T02:00:00Z')
export const SUBJECT = 'a'.repeat(64) // what a device subject looks like: a SHA-256 hex

/** Deps for the evidence use cases with nothing outside memory. */
export function memoryDeps() {
  let n = 0
  const links = hmacLinkSigner(new Uint8Array(32).fill(1))
  return {
    store: memoryEvidenceStore(),
    clock: fixedClock(NOW),
    ids: { newId: () => `ev-${++n}` },
    secrets: nodeSecrets,
    files: memoryFiles(),
    links,
    fileLinks: signedFileLinks(links),
    uploads: noUploadedObjects,
    calendar: { holidays: {}, makeupWorkdays: {}, publishedYears: [] },
    speech: unavailableSpeech,
    images: sharpImages,
    chainSigner: hmacChainSigner(new Uint8Array(32).fill(5)),
    chainAnchors: logChainAnchors(() => {}), // these tests file no case
  }
}

/** `null` for a caller the platform vouched for no one (no subject). */
export function contextOf(deps: ReturnType<typeof memoryDeps>, subject: string | null = SUBJECT): ServiceContext {
  return { caller: { subject: subject ?? undefined, memberships: [] }, deps }
}
