import type { CallbackSample, RatingReview } from '../../src/domain/callback/callback.schema'
import type { CaseClock } from '../../src/domain/clocks/case-clock'

/**
 * A call-back item written together with a case step (the return visit of callbackComplete, callback-desk.ts):
 * the sample's items as they are to be stored, if it is still at `expectedVersion`. The case store writes it in
 * the step's own transaction (applyChange), so the case's event and the sample's answers land together or not at
 * all; a sample written meanwhile fails the whole step with CONCURRENT_UPDATE.
 */
export interface CallbackSampleWrite {
  sample: CallbackSample
  expectedVersion: number
}

/** A complaint of the site whose closure fell in the month, as the draw needs it (no personal data). */
export interface ClosedComplaint {
  caseId: string
  caseNo: string
  closedAt: string
  /** the actor of that closure (a staff id, or 'system') */
  closerId: string
}

// 回访抽查 (docs/callbacks.md): one sample per site and month, written with the callback_sample
// clocks of its cases; and the review list of ratings below 80 %, one entry per rating event.
export interface CallbackStore {
  /**
   * Complaints (never reports) of the site that are closed now and have a 'closed' event at or after
   * `from` and before `to` — the latest such closure when there are several — sorted by case id.
   */
  listClosedComplaints(siteId: string, from: string, to: string): Promise<ClosedComplaint[]>
  /** Write the sample and start its clocks, together; false (nothing written) when the site's month is drawn already. */
  createCallbackSample(sample: CallbackSample, clocks: readonly CaseClock[]): Promise<boolean>
  getCallbackSample(siteId: string, month: string): Promise<CallbackSample | null>
  /** Every site's sample of a month, by site (a regulator's view, the statistics). */
  listCallbackSamples(month: string): Promise<CallbackSample[]>
  /**
   * Replace the sample's items if it is still at `expectedVersion` (the stored version becomes
   * expectedVersion + 1) and write the clocks given (stopped ones), together; false when someone wrote first.
   */
  updateCallbackSample(sample: CallbackSample, expectedVersion: number, clocks: readonly CaseClock[]): Promise<boolean>
  /** Put a low rating on the review list; the same rating event twice stays one entry. */
  addRatingReview(review: RatingReview): Promise<void>
  /** The site's list, open ones first, newest rating first. */
  listRatingReviews(siteId: string): Promise<RatingReview[]>
  getRatingReview(eventId: string): Promise<RatingReview | null>
  /** Record the review on an entry still open; null when there is none open (reviewed already, or unknown). */
  closeRatingReview(
    eventId: string,
    review: { findings: string; changes: string; reviewedBy: string; reviewedAt: string },
  ): Promise<RatingReview | null>
}
