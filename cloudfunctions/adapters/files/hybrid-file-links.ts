import { isInCloudStorage } from '../../../src/domain/evidence.schema'
import type { Evidence } from '../../../src/domain/evidence.schema'
import type { FileLinks } from '../../ports/file-links'

// The local host's links when it shares its database with the cloud functions (hybrid mode): files the
// mini-program uploaded are in CloudBase storage (their key says so, evidence.schema.ts), the desk's own
// are on this disk. Each file gets a link from the store that holds it, in one batch per store. Without
// CloudBase keys (`cloud` null) every file gets a signed /files/ link exactly as before; opening one for
// a cloud file answers FILE_IN_CLOUD_STORAGE (文件在云存储中，本机未配置云开发) instead of a broken link.
//
// Keys from before the `cloud-` prefix carry no mark of their store. `onDisk` (a stat, no read) sorts
// them: a key this disk does not hold is asked of CloudBase storage too, so a photo the mini-program
// uploaded before the prefix existed opens from the desk. If the cloud has no such file either, the
// item keeps its /files/ link, as before. A case whose files are all on this disk still costs no call.
export function hybridFileLinks(disk: FileLinks, cloud: FileLinks | null, onDisk?: (storageKey: string) => Promise<boolean>): FileLinks {
  if (!cloud) return disk
  return {
    async urlsFor(evidence, now, ttlMs) {
      const inCloud = evidence.filter(isInCloudStorage)
      const unmarked = evidence.filter((e) => !isInCloudStorage(e))
      const here = onDisk ? await Promise.all(unmarked.map((e) => onDisk(e.storageKey))) : unmarked.map(() => true)
      const maybeCloud: Evidence[] = unmarked.filter((_, i) => !here[i])
      const askCloud = [...inCloud, ...maybeCloud]
      const [fromDisk, fromCloud] = await Promise.all([
        unmarked.length > 0 ? disk.urlsFor(unmarked, now, ttlMs) : new Map<string, string>(),
        askCloud.length > 0 ? cloud.urlsFor(askCloud, now, ttlMs) : new Map<string, string>(), // no round trip for a desk-only case
      ])
      return new Map([...fromDisk, ...fromCloud]) // the cloud's link wins for a legacy key it holds
    },
  }
}
