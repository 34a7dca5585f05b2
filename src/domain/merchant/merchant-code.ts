import { MERCHANT_CODE_ALPHABET } from '../merchant.schema'
import { bytesFor, shortCodeFrom } from './short-code'

/**
 * A new shop's QR code, like the demo's WDXG26: 6 characters of a 31-letter alphabet without
 * look-alikes (≈ 887 million codes, so a collision with an existing one is rare and the caller simply
 * draws again). Short on purpose: it is the whole `scene` of the mini-program code and the end of
 * the H5 URL, and shorter URLs make sparser QR codes that scan from further away.
 */
export const MERCHANT_CODE_LENGTH = 6
export const MERCHANT_CODE_BYTES = bytesFor(MERCHANT_CODE_LENGTH)

export const merchantCodeFrom = (bytes: Uint8Array) => shortCodeFrom(bytes, MERCHANT_CODE_ALPHABET, MERCHANT_CODE_LENGTH)

/** The shopper's entry URL path printed in the QR (the local host redirects it into the H5 app). */
export const merchantEntryPath = (code: string) => `/s/${code}`

/** The mini-program page a scanned code opens, with the merchant code as `scene` (no leading slash). */
export const MINI_CODE_PAGE = 'pages/consumer/complain/index'
