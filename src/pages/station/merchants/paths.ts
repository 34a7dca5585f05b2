import Taro, { useRouter } from '@tarojs/taro'
import { decodeParam, withQuery } from '../../routes'

// The merchant-registry pages of the station subpackage (app.config.ts). Kept beside them rather
// than in pages/routes.ts so this area can be read, and moved, as one piece.
export const REGISTRY_PAGES = {
  merchants: '/pages/station/merchants/index',
  merchant: '/pages/station/merchant/index',
  merchantImport: '/pages/station/merchant-import/index',
  posters: '/pages/station/posters/index',
} as const

/**
 * The site the registry pages work on when an administrator opened them from 管理 (`site`, carried
 * from page to page); '' for a station, whose pages name no site and get its own. It only selects:
 * the server checks every site against the caller (registry-scope.ts), so a station naming another
 * site's id gets SITE_NOT_FOUND.
 */
export function useRegistrySite(): string {
  return decodeParam(useRouter().params.site)
}

/** A registry page's URL, with the administrator's chosen site when there is one. */
export const registryUrl = (path: string, siteId: string, query: Record<string, string> = {}) =>
  withQuery(path, siteId ? { ...query, site: siteId } : query)

/**
 * Back to where the person came from when that is inside the app (the list keeps its search and
 * reloads on show); else — the page was opened from a link — to `fallback`, without stacking a
 * second copy of the list on top of the first.
 */
export function backTo(fallback: string): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.redirectTo({ url: fallback })
}
