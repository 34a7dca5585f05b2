import { z } from 'zod'
import { EvidenceViewSchema } from '../evidence.schema'
import { MerchantCodeSchema } from '../merchant.schema'
import { QueryCodeInput } from '../lookup-input'
import { CONSULT_STATUSES } from './consultation.schema'

// The consultation actions of the consumer function (src/domain/api/consumer-contract.ts): the asker's
// side, and the views the station reads too. The station's own actions are in consult-station-api.ts,
// so the shopper's pages do not load them (docs/first-page.md).
const Id = z.string({ error: '缺少咨询编号' }).min(1).max(64)
export const ConsultationIdInput = z.object({ consultationId: Id })

export const AskConsultationSchema = z
  .object({
    idempotencyKey: z.string({ error: '缺少提交编号，请刷新后重试' }).regex(/^[A-Za-z0-9_-]{16,64}$/, { error: '提交编号格式不正确' }),
    /** the mall or market it is about (a person without a shop's code picks it) */
    siteId: z.string().min(1).max(64).optional(),
    /** the shop, when the person came from its QR code or chose it */
    merchantCode: MerchantCodeSchema.optional(),
    question: z
      .string({ error: '请填写您想咨询的问题' })
      .trim()
      .min(5, { error: '请把问题写具体一些（至少5个字）' })
      .max(1000, { error: '问题不能超过1000字' }),
    /** optional: anonymous unless the person wants a call back */
    contactName: z.string().trim().max(20, { error: '称呼不能超过20字' }).default(''),
    contactPhone: z.string().trim().max(20, { error: '电话号码格式不正确' }).default(''),
    evidenceIds: z.array(z.string().min(1).max(64)).max(9, { error: '附件最多9个' }).default([]),
  })
  .refine((v) => !!(v.siteId || v.merchantCode), { message: '请选择咨询的商场或商户', path: ['siteId'] })

export const ConsultReceiptSchema = z.object({
  consultationId: z.string(),
  consultNo: z.string(),
  /** shown once, here: with the number it opens the consultation from any device */
  queryCode: z.string(),
  status: z.enum(CONSULT_STATUSES),
  createdAt: z.string(),
  siteName: z.string(),
})

export const ConsultSummarySchema = z.object({
  id: z.string(),
  consultNo: z.string(),
  kind: z.literal('consultation'),
  status: z.enum(CONSULT_STATUSES),
  statusLabel: z.string(),
  siteName: z.string(),
  merchantName: z.string().nullable(),
  excerpt: z.string(),
  createdAt: z.string(),
  /** the complaint it became, once the person confirmed it */
  caseNo: z.string().nullable(),
})
export type ConsultSummary = z.infer<typeof ConsultSummarySchema>

export const ConsultViewSchema = ConsultSummarySchema.extend({
  question: z.string(),
  /** null: asked anonymously; masked unless the viewer is the asker or the station */
  contact: z.object({ name: z.string(), phone: z.string() }).nullable(),
  evidence: z.array(EvidenceViewSchema),
  /** the station's answer, or its note on converting */
  reply: z.object({ text: z.string(), at: z.string(), entryId: z.string().nullable() }).nullable(),
  closedAt: z.string().nullable(),
  caseId: z.string().nullable(),
  /** the shop's code, so a conversion can open the complaint form for that shop */
  merchantCode: z.string().nullable(),
  version: z.number().int(),
})
export type ConsultView = z.infer<typeof ConsultViewSchema>

export const ConsultListSchema = z.object({ items: z.array(ConsultSummarySchema) })

export const ConsultLookupSchema = z.object({
  consultNo: z.string({ error: '请填写咨询编号' }).trim().min(1, { error: '请填写咨询编号' }).max(32, { error: '咨询编号格式不正确' }),
  queryCode: QueryCodeInput,
})

export const LinkCaseInput = ConsultationIdInput.extend({ caseId: z.string({ error: '缺少投诉编号' }).min(1).max(64) })

export const ConsultSitesSchema = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) })

/** consumer function: ask, follow, look up, and confirm a conversion. */
export const CONSUMER_CONSULT_API = {
  consultSites: { input: z.object({}), output: ConsultSitesSchema },
  askConsultation: { input: AskConsultationSchema, output: ConsultReceiptSchema },
  listMyConsultations: { input: z.object({}), output: ConsultListSchema },
  getMyConsultation: { input: ConsultationIdInput, output: ConsultViewSchema },
  lookupConsultation: { input: ConsultLookupSchema, output: ConsultViewSchema },
  linkConsultationCase: { input: LinkCaseInput, output: ConsultViewSchema },
} as const
