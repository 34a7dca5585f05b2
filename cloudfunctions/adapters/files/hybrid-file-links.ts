import { isInCloudStorage } from '../../../src/domain/evidence.schema'
import type { FileLinks } from '../../ports/file-links'

// The local host's links when it shares its database with the cloud functions (hybrid mode): files the
// mini-program uploaded are in CloudBase storage (their key says so, evidence.schema.ts), the desk's own
// are on this disk. Each file gets a link from the store that holds it, in one batch per store. Without
// CloudBase keys (`cloud` null) every file gets a signed /files/ link exactly as before; opening one for
// a cloud file answers FILE_IN_CLOUD_STORAGE (文件在云存储中，本机未配置云开发) instead of a broken link.
export function hybridFileLinks(disk: FileLinks, cloud: FileLinks | null): FileLinks {
  if (!cloud) return disk
  return {
    async urlsFor(evidence, now, ttlMs) {
      const inCloud = evidence.filter(isInCloudStorage)
      const onDisk = evidence.filter((e) => !isInCloudStorage(e))
      const [fromDisk, fromCloud] = await Promise.all([
        onDisk.length > 0 ? disk.urlsFor(onDisk, now, ttlMs) : new Map<string, string>(),
        inCloud.length > 0 ? cloud.urlsFor(inCloud, now, ttlMs) : new Map<string, string>(), // no round trip for a desk-only case
      ])
      return new Map([...fromDisk, ...fromCloud])
    },
  }
}
