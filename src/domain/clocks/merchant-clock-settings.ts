import type { Merchant } from '../merchant.schema'
import type { ClockSettings } from './clock-settings'

export type MerchantCommitment = Pick<Merchant, 'doubleCommitmentSigned' | 'responseMinutes' | 'onSiteMinutes'>

/**
 * The clock numbers a case at this shop runs on: the site's, with the shop's own response and
 * on-site minutes laid over them when it signed the double commitment. The promise posted in the
 * shop is what the shopper was told, so it wins even where the site's number is more lenient; a shop
 * that has not signed runs on the site's numbers. Only the two merchant clocks change.
 */
export function merchantClockSettings(site: ClockSettings | undefined, merchant: MerchantCommitment | null | undefined): ClockSettings {
  const base: ClockSettings = site ?? {}
  if (!merchant?.doubleCommitmentSigned) return base
  return {
    ...base,
    amounts: { ...base.amounts, merchant_response: merchant.responseMinutes, on_site: merchant.onSiteMinutes },
  }
}
