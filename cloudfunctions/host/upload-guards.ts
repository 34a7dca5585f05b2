import { existsSync } from 'node:fs'
import { statfs } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { Deps } from '../services/context'

// Uploads cannot fill the disk (docs/security.md). Two guards before a file is stored:
// - a quota per device: so many files and so many bytes per hour. Counted in the store, not in
//   memory, so it holds across restarts and across several hosts on one database;
// - a floor of free space on the files' disk for everyone: below it no upload is taken, so the
//   database (often on the same disk) and the cases already filed keep room to work.
// Unclaimed uploads are removed after a day by the scheduler (jobs/remove-unclaimed-uploads.ts).

export interface UploadQuota {
  perHour: number
  bytesPerHour: number
}

export const DEFAULT_UPLOAD_QUOTA: UploadQuota = { perHour: 30, bytesPerHour: 300 * 1024 * 1024 }
const HOUR_MS = 3_600_000

export type QuotaVerdict = { ok: true } | { ok: false; retryAfterS: number; message: string }

/**
 * Whether `subject` may store `incomingBytes` more now (0 before the file is read: is anything
 * left at all?). Refused → the seconds until its oldest upload in the window leaves it.
 */
export async function checkUploadQuota(deps: Deps, quota: UploadQuota, subject: string, incomingBytes: number): Promise<QuotaVerdict> {
  const now = deps.clock.now().getTime()
  const used = await deps.store.uploadsSince(subject, new Date(now - HOUR_MS).toISOString())
  const full = used.count >= quota.perHour || used.bytes + incomingBytes > quota.bytesPerHour
  if (!full) return { ok: true }
  const frees = used.oldestAt ? new Date(used.oldestAt).getTime() + HOUR_MS : now + HOUR_MS
  const retryAfterS = Math.max(1, Math.ceil((frees - now) / 1000))
  const mb = Math.round(quota.bytesPerHour / 1024 / 1024)
  return {
    ok: false,
    retryAfterS,
    message: `上传太多了：每台设备每小时最多上传 ${quota.perHour} 个文件、共 ${mb} MB，请 ${Math.ceil(retryAfterS / 60)} 分钟后再试`,
  }
}

/** Free bytes on the disk that holds `dir`, for an unprivileged process (what is left to us). */
export async function freeBytes(dir: string): Promise<number> {
  let at = resolve(dir)
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at) // the files folder appears with the first upload
  const s = await statfs(at)
  return s.bavail * s.bsize
}

export async function belowFreeSpaceFloor(dir: string, minFreeBytes: number): Promise<boolean> {
  if (minFreeBytes <= 0) return false
  return (await freeBytes(dir)) < minFreeBytes
}
