import { z } from 'zod'
import { PublicRecordsViewSchema } from './publication'

// The actions of 投诉信息公示, one file per side so that each page loads only its own: the public page
// (anyone; the consumer function) here, the shop's objection (its clerks) in public-records-merchant-api.ts,
// the station's threshold and decisions (its own site; a regulator or an administrator any site) in
// public-records-station-api.ts.

export const SiteId = z.string({ error: '请选择站点' }).trim().min(1, { error: '请选择站点' }).max(64)

export const PublicRecordsInputSchema = z.object({ siteId: SiteId })
export { PublicRecordsViewSchema }

export const PUBLIC_CONSUMER_API = {
  /** 投诉信息公示: the page of a site, for anyone */
  publicRecords: { input: PublicRecordsInputSchema, output: PublicRecordsViewSchema },
} as const
