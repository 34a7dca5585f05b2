import type { StaffRole } from '../../domain/identity'
import { PAGES } from '../routes'

// The staff area of the mini-program (issue 15): binding this phone's WeChat identity to a staff
// account. Kept beside the pages (like station/contacts/paths.ts) so routes.ts stays the consumer's.
export const STAFF_PAGES = { bind: '/pages/staff/bind/index' } as const

/**
 * Each role's own home, after binding in WeChat and after signing in on the desk (station/login uses
 * this too): station → board, proxy → filing, regulator → city board, administrator → 管理 (no case pages).
 */
const HOME_OF: Partial<Record<StaffRole, string>> = {
  station: PAGES.stationBoard,
  proxy: PAGES.proxyFile,
  regulator: PAGES.stationBoard,
  admin: PAGES.adminHome,
}

/** Where a bound or signed-in person works; null for a role with no page (none today). */
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
