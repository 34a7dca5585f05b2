import tcb from '@cloudbase/node-sdk'
import { cloudbaseFileLinks } from '../adapters/cloudbase/cloudbase-file-links'
import { cloudbaseStorage, type CloudbaseStorageApi } from '../adapters/cloudbase/cloudbase-storage'
import { hybridFileLinks } from '../adapters/files/hybrid-file-links'
import { signedFileLinks } from '../adapters/files/signed-file-links'
import type { FileLinks } from '../ports/file-links'
import type { LinkSigner } from '../ports/files'
import type { HostCloudbase } from './host-cloudbase-config'

// Which links the host hands out: signed /files/ paths for its own disk and, when CLOUDBASE_ENV and the
// Tencent Cloud keys are set (hybrid mode), CloudBase temporary URLs for the files the mini-program uploaded.

/** The CloudBase app of the configured environment, signed with the deployer's keys (outside CloudBase there are no others). */
export function hostCloudbaseApp(cloudbase: HostCloudbase): CloudbaseStorageApi {
  return tcb.init({
    env: cloudbase.env,
    secretId: cloudbase.secretId,
    secretKey: cloudbase.secretKey,
    sessionToken: cloudbase.sessionToken,
  })
}

/** `onDisk`: whether the host's disk holds a key (diskFileExists); unprefixed keys it lacks are looked for in CloudBase too. */
export function hostFileLinks(
  signer: LinkSigner,
  cloudbase: CloudbaseStorageApi | null,
  onDisk?: (storageKey: string) => Promise<boolean>,
): FileLinks {
  return hybridFileLinks(signedFileLinks(signer), cloudbase ? cloudbaseFileLinks(cloudbaseStorage(cloudbase)) : null, onDisk)
}
