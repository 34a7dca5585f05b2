import { z } from 'zod'
import { CONSULT_STATUSES } from './consultation.schema'
import { ConsultationIdInput, ConsultSummarySchema, ConsultViewSchema } from './consult-consumer-api'

// The consultation actions of the station function (src/domain/api/station-contract.ts): the site's
// consultations, the answer from the reply library, 转为投诉. Apart from the asker's side
// (consult-consumer-api.ts) so that the shopper's pages do not load them (docs/first-page.md).

export const StationConsultListInput = z.object({ scope: z.enum(['open', 'all']).default('open') })
export const StationConsultListSchema = z.object({ siteName: z.string().nullable(), items: z.array(ConsultSummarySchema) })

export const AnswerInput = ConsultationIdInput.extend({
  text: z.string({ error: '请填写答复内容' }).trim().min(1, { error: '请填写答复内容' }).max(2000, { error: '答复不能超过2000字' }),
  /** the library entry it started from (null: written from scratch) */
  entryId: z.string().max(64).nullable().default(null),
})
export const ConvertInput = ConsultationIdInput.extend({
  note: z.string().trim().max(500, { error: '说明不能超过500字' }).default(''),
})

export const ConsultOutcomeSchema = z.object({ consultationId: z.string(), status: z.enum(CONSULT_STATUSES), version: z.number().int() })

/** The link back from a complaint to the consultation it came from (null: it came from none). */
export const ConsultOfCaseSchema = z.object({ consultation: ConsultSummarySchema.nullable() })

/** station function: the site's consultations, answer from the library, or 转为投诉. */
export const STATION_CONSULT_API = {
  listConsultations: { input: StationConsultListInput, output: StationConsultListSchema },
  getConsultation: { input: ConsultationIdInput, output: ConsultViewSchema },
  answerConsultation: { input: AnswerInput, output: ConsultOutcomeSchema },
  convertConsultation: { input: ConvertInput, output: ConsultOutcomeSchema },
  consultationOfCase: { input: z.object({ caseId: z.string().min(1).max(64) }), output: ConsultOfCaseSchema },
} as const
