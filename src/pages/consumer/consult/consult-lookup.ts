import { call } from '../../../api'
import type { ConsultView } from '../../../domain/consult/consult-consumer-api'
import { isConsultNo, normalizeConsultNo } from '../../../domain/consult/consultation.schema'
import type { Result } from '../../../domain/errors'

export type ConsultLookup = ConsultView | null

/** 查进度 with a 咨询 number (ZX-…): the consultation, by number and query code; null for any other number. */
export async function lookupConsultationIfNumbered(number: string, queryCode: string): Promise<Result<ConsultView> | null> {
  if (!isConsultNo(number)) return null
  return call('consumer', 'lookupConsultation', { consultNo: normalizeConsultNo(number) ?? number, queryCode })
}
