import Taro from '@tarojs/taro'

// The merchant-registry pages of the station subpackage (app.config.ts). Kept beside them rather
// than in pages/routes.ts so this area can be read, and moved, as one piece.
export const REGISTRY_PAGES = {
  merchants: '/pages/station/merchants/index',
  merchant: '/pages/station/merchant/index',
  merchantImport: '/pages/station/merchant-import/index',
  posters: '/pages/station/posters/index',
} as const

/**
 * Back to where the person came from when that is inside the app (the list keeps its search and
 * reloads on show); else — the page was opened from a link — to `fallback`, without stacking a
 * second copy of the list on top of the first.
 */
export function backTo(fallback: string): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.redirectTo({ url: fallback })
}
