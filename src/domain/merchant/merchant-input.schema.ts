import { z } from 'zod'
import { DEFAULT_CLOCK_RULES } from '../clocks/clock-rules'
import { INDUSTRY_LINES } from '../industry'
import { COMMITMENT_MINUTES_MAX } from '../merchant.schema'
import { normalizePhone } from '../phone'
import { UsccSchema } from './uscc'

export const SHOP_NAME_MAX = 60
export const ADDRESS_MAX = 200
export const BOOTH_MAX = 20
export const CONTACT_NAME_MAX = 50
export { COMMITMENT_MINUTES_MAX }

// The double commitment posted in the shop (docs/domain.md "The clocks"); a shop may promise faster.
export const DEFAULT_RESPONSE_MINUTES = DEFAULT_CLOCK_RULES.merchant_response.amount
export const DEFAULT_ON_SITE_MINUTES = DEFAULT_CLOCK_RULES.on_site.amount

const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}格式不正确` })
    .trim()
    .max(max, { error: `${label}不能超过${max}字` })
    .default('')

const minutes = (label: string, fallback: number) =>
  z
    .number({ error: `${label}请填写分钟数` })
    .int({ error: `${label}请填写整数分钟` })
    .min(1, { error: `${label}至少1分钟` })
    .max(COMMITMENT_MINUTES_MAX, { error: `${label}不能超过${COMMITMENT_MINUTES_MAX}分钟` })
    .default(fallback)

/**
 * What station staff type (or import) to register a shop. Every message names its field, because the
 * CSV import shows them without the form around them. The stored Merchant adds id, siteId and the QR code.
 */
export const MerchantInputSchema = z.object({
  name: z
    .string({ error: '请填写店铺名称' })
    .trim()
    .min(1, { error: '请填写店铺名称' })
    .max(SHOP_NAME_MAX, { error: `店铺名称不能超过${SHOP_NAME_MAX}字` }),
  uscc: UsccSchema,
  address: optionalText('地址', ADDRESS_MAX),
  booth: optionalText('铺位号', BOOTH_MAX),
  industry: z.enum(INDUSTRY_LINES, { error: '请选择行业' }),
  doubleCommitmentSigned: z.boolean({ error: '请选择是否已签署双承诺' }).default(false),
  responseMinutes: minutes('响应时限', DEFAULT_RESPONSE_MINUTES),
  onSiteMinutes: minutes('到场时限', DEFAULT_ON_SITE_MINUTES),
  contactName: optionalText('联系人', CONTACT_NAME_MAX),
  // optional (a shop may bind its WeChat later), but a number that is there must be a real mobile
  contactPhone: z
    .string({ error: '联系电话格式不正确' })
    .default('')
    .transform((typed, ctx) => {
      if (typed.trim() === '') return ''
      const phone = normalizePhone(typed)
      if (phone) return phone
      ctx.addIssue({ code: 'custom', message: '联系电话应为11位手机号码' })
      return z.NEVER
    }),
})
export type MerchantInput = z.output<typeof MerchantInputSchema>
/** What a form or an import row may send: defaults are filled in by the schema. */
export type MerchantInputDraft = z.input<typeof MerchantInputSchema>
