import { z } from 'zod'
import { INDUSTRY_LINES } from './industry'
import { isValidUscc } from './merchant/uscc'

/** A promise longer than a day is not a minute clock any more. Here, not in merchant/merchant-input.schema.ts (which
 * re-exports it), so that the complaint form reading a shop's entry does not load the registration form and the clock rules. */
export const COMMITMENT_MINUTES_MAX = 1440

/**
 * The short code printed in a shop's QR. It must fit a WeChat mini-program code's `scene`
 * (≤ 32 visible characters); we use 6 characters from an alphabet without look-alikes (0/O, 1/I/L).
 */
export const MERCHANT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const MerchantCodeSchema = z
  .string({ error: '请扫描店内的二维码' })
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z]{4,16}$/, { error: '商户码格式不正确' })

export const MerchantSchema = z.object({
  id: z.string().min(1),
  siteId: z.string().min(1),
  code: z.string().regex(/^[0-9A-Z]{4,16}$/),
  name: z.string().min(1),
  industry: z.enum(INDUSTRY_LINES),
  address: z.string(),
  booth: z.string(),
  /** '' only for shops registered before the registry asked for it (migration 0008) */
  uscc: z.string().refine((code) => code === '' || isValidUscc(code)),
  /** 双承诺: when signed, the shop's own minutes below drive its clocks (clocks/merchant-clock-settings.ts) */
  doubleCommitmentSigned: z.boolean(),
  responseMinutes: z.number().int().min(1).max(COMMITMENT_MINUTES_MAX),
  onSiteMinutes: z.number().int().min(1).max(COMMITMENT_MINUTES_MAX),
  // Personal data of the shop's contact: sealed at rest, shown to station staff only — never in
  // MerchantEntrySchema, which any shopper's phone may read.
  contactName: z.string(),
  /** '' or 11 digits */
  contactPhone: z.string().regex(/^(1[3-9]\d{9})?$/),
})
export type Merchant = z.infer<typeof MerchantSchema>

/** What a shopper's phone may learn about a shop from its QR code. */
export const MerchantEntrySchema = z.object({
  merchant: MerchantSchema.pick({ code: true, name: true, industry: true, address: true, booth: true }),
  site: z.object({ name: z.string(), hotline: z.string() }),
})
export type MerchantEntry = z.infer<typeof MerchantEntrySchema>
