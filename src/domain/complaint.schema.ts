import { z } from 'zod'
import { CASE_KINDS } from './case-kind-and-status'
import { DEMANDS, PROBLEM_TYPES } from './classification'
import { INDUSTRY_LINES } from './industry'
import { MerchantCodeSchema } from './merchant.schema'
import { yuanToFen } from './money'
import { normalizePhone } from './phone'

export const DESCRIPTION_MIN = 10
export const DESCRIPTION_MAX = 2000
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/ // Shanghai local, as a date input gives it

const text = (max: number, tooLong: string) => z.string({ error: '格式不正确' }).trim().max(max, { error: tooLong }).default('')

/**
 * What the form sends when the person presses 提交. The same schema checks it in the app (field
 * errors next to each field) and in the function. A 投诉 needs the Article-9 identity (name, phone,
 * address); a 举报 may be anonymous.
 */
export const SubmitComplaintSchema = z
  .object({
    kind: z.enum(CASE_KINDS, { error: '请选择投诉或举报' }).default('complaint'),
    merchantCode: MerchantCodeSchema,
    anonymous: z.boolean({ error: '格式不正确' }).default(false),
    name: text(50, '姓名不能超过50字'),
    phone: text(40, '手机号码格式不正确'),
    address: text(200, '地址不能超过200字'),
    purchaseTime: z
      .string({ error: '格式不正确' })
      .trim()
      .refine((v) => v === '' || LOCAL_TIME.test(v), { error: '请选择消费时间' })
      .default(''),
    amountYuan: z
      .string({ error: '格式不正确' })
      .refine((v) => yuanToFen(v) !== undefined, { error: '金额请填数字，最多两位小数' })
      .default(''),
    product: text(100, '商品或服务名称不能超过100字'),
    problemType: z.enum(PROBLEM_TYPES, { error: '请选择问题类型' }),
    /** left out by a shopper's form: the filing derives it (deriveIndustry); staff filing for someone may choose */
    industry: z.enum(INDUSTRY_LINES, { error: '请选择行业' }).optional(),
    demands: z
      .array(z.enum(DEMANDS, { error: '请选择有效的诉求' }))
      .max(DEMANDS.length)
      .default([]),
    description: z
      .string({ error: '请填写投诉内容' })
      .trim()
      .min(1, { error: '请填写投诉内容' })
      .min(DESCRIPTION_MIN, { error: `请至少写${DESCRIPTION_MIN}个字，说清楚发生了什么` })
      .max(DESCRIPTION_MAX, { error: `投诉内容不能超过${DESCRIPTION_MAX}字` }),
    evidenceIds: z.array(z.string().min(1).max(64)).max(30, { error: '附件太多' }).default([]),
    /** the version of the privacy notice the person agreed to; the function compares it with the current one */
    consentVersion: z.string({ error: '请先阅读并同意个人信息告知' }).min(1, { error: '请先阅读并同意个人信息告知' }),
    sharePhoneWithMerchant: z.boolean({ error: '格式不正确' }).default(false),
    /** one per draft, made on the phone: a retried submit returns the first case instead of a second */
    idempotencyKey: z.string({ error: '缺少提交编号，请刷新后重试' }).regex(/^[A-Za-z0-9_-]{16,64}$/, { error: '提交编号格式不正确' }),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    if (v.kind === 'complaint' && v.anonymous) issue('anonymous', '投诉需要实名，匿名只适用于举报')
    const identified = v.kind === 'complaint' || !v.anonymous
    if (identified) {
      if (!v.name) issue('name', '请填写姓名')
      if (!v.phone) issue('phone', '请填写手机号码')
      else if (!normalizePhone(v.phone)) issue('phone', '请填写正确的11位手机号码')
    }
    if (v.kind === 'complaint') {
      if (!v.address) issue('address', '请填写联系地址')
      if (v.demands.length === 0) issue('demands', '请至少选择一项诉求')
    }
  })
  .transform((v) => {
    const identified = v.kind === 'complaint' || !v.anonymous
    return {
      ...v,
      demands: [...new Set(v.demands)],
      // an anonymous report keeps no identity at all, even if the fields were filled
      name: identified ? v.name : '',
      phone: identified ? (normalizePhone(v.phone) ?? '') : '',
      address: identified ? v.address : '',
      sharePhoneWithMerchant: identified && v.kind === 'complaint' && v.sharePhoneWithMerchant,
      amountFen: yuanToFen(v.amountYuan) ?? null,
    }
  })
export type SubmitComplaintInput = z.input<typeof SubmitComplaintSchema>
export type SubmitComplaint = z.output<typeof SubmitComplaintSchema>
