import { z } from 'zod'
import { MERCHANT_CODE_ALPHABET } from '../merchant.schema'
import { bytesFor, shortCodeFrom } from './short-code'

// A station's invitation for a shop's clerks. Only a hash of the code is stored; the code itself
// is shown once, to the station, to pass on (read out, sent, or shown as a QR). Several clerks may
// use one invite until it expires or is withdrawn; each becomes a PENDING member the station
// approves, so a leaked code alone never opens a shop's cases.

export const INVITE_TTL_DAYS = 7
/** 12 characters of a 31-letter alphabet ≈ 59 bits: far beyond guessing through the API. */
export const INVITE_CODE_LENGTH = 12
export const INVITE_CODE_BYTES = bytesFor(INVITE_CODE_LENGTH)

export const inviteCodeFrom = (bytes: Uint8Array) => shortCodeFrom(bytes, MERCHANT_CODE_ALPHABET, INVITE_CODE_LENGTH)

/** The clerk's page that redeems an invite (merchant subpackage). */
export const INVITE_PAGE = 'pages/merchant/join/index'
/** Path of the invite in the H5 app (hash router), relative to the app's origin. */
export const invitePath = (code: string) => `/#/${INVITE_PAGE}?code=${code}`

/** As people type it: spaces, dashes, lower case and full-width letters are forgiven. */
export const InviteCodeSchema = z
  .string({ error: '请填写邀请码' })
  .transform((typed) =>
    typed
      .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/[\s\u3000-]/g, '')
      .toUpperCase(),
  )
  .pipe(z.string().min(1, { error: '请填写邀请码' }).max(32, { error: '邀请码格式不正确' }))
