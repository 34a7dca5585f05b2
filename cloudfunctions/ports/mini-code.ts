import type { Result } from '../../src/domain/errors'

// A mini-program code (小程序码) for a shop's poster. Only the WeChat cloud can draw one (the open
// API's wxacode.getUnlimited); the local host prints a plain QR of the H5 entry URL instead, so a
// function without a source answers MINI_CODE_UNAVAILABLE.

export interface MiniCodeRequest {
  /** what the scanned page receives as `scene`: ≤ 32 visible characters (the merchant code) */
  scene: string
  /** the page to open: no leading slash, no query ("pages/consumer/complain/index") */
  page: string
  /** pixels, 280–1280 */
  width: number
}

export interface MiniCodeImage {
  contentType: string
  bytes: Uint8Array
}

export interface MiniCodeSource {
  render(request: MiniCodeRequest): Promise<Result<MiniCodeImage>>
}
