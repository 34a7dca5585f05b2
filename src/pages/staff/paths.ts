import type { StaffRole } from '../../domain/identity'
import { PAGES } from '../routes'

// The staff area of the mini-program (issue 15): binding this phone's WeChat identity to a staff
// account. Kept beside the pages (like station/contacts/paths.ts) so routes.ts stays the consumer's.
export const STAFF_PAGES = { bind: '/pages/staff/bind/index' } as const

/** Each role's own home, the desk's landing rules: station → board, proxy → filing, regulator → city board. */
const HOME_OF: Partial<Record<StaffRole, string>> = {
  station: PAGES.stationBoard,
  proxy: PAGES.proxyFile,
  regulator: PAGES.stationBoard,
}

/** Where a bound person works; null for an administrator (no case pages: it stays on 我的账号). */
export const homeOf = (role: StaffRole): string | null => HOME_OF[role] ?? null

/** A scanned binding QR carries the bare code or a link with `code=` / `scene=`; either way, the code. */
export function codeFromScan(text: string): string {
  const match = /[?&](?:code|scene)=([^&#]+)/.exec(text)
  if (!match) return text.trim()
  try {
    return decodeURIComponent(match[1]).trim()
  } catch {
    return match[1].trim()
  }
}
