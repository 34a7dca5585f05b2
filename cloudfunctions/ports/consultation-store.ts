import type { Consultation } from '../../src/domain/consult/consultation.schema'
import type { PageRequest } from './store'

// Consultations (咨询) in their own records, apart from the cases: no case list, board, counter or
// shop record reads them, so no complaint figure can include one (docs/domain.md "Consultations").
// The optional contact is sealed at rest, as the complainant is.

export type CreateConsultationOutcome = { created: boolean; consultation: Consultation }

export interface ConsultationStore {
  /** Store a new consultation; when this asker already used the idempotency key, nothing is written and that one comes back. */
  createConsultation(consultation: Consultation): Promise<CreateConsultationOutcome>
  getConsultation(id: string): Promise<Consultation | null>
  findConsultationByNo(consultNo: string): Promise<Consultation | null>
  /** Newest first. */
  listConsultationsFiledBy(subject: string, page: PageRequest): Promise<Consultation[]>
  /** Newest first; a null site: every site (a regulator). `openOnly`: only those still waiting for an answer. */
  listConsultationsForSite(siteId: string | null, openOnly: boolean, page: PageRequest): Promise<Consultation[]>
  /** Write the next state if the record is still at `expectedVersion`; otherwise AppFailure(CONCURRENT_UPDATE). */
  updateConsultation(next: Consultation, expectedVersion: number): Promise<Consultation>
  /** The consultation a complaint came from (the link back), or null. */
  findConsultationOfCase(caseId: string): Promise<Consultation | null>
}
