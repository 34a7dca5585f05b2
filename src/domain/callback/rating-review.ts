// Satisfaction follow-up (docs/callbacks.md "The review rule"): a rating "below 80 %" goes to the
// station head's review list. Precisely: the three scores (speed, professionalism, attitude, 1–5 each)
// sum to less than 80 % of 15 — that is, less than 12 — or the person said they were not satisfied.
// 4 + 4 + 4 = 12 is exactly 80 %: not below, no review (unless not satisfied).
export const REVIEW_LINE_PERCENT = 80
const MAX_TOTAL = 15

export interface RatingScores {
  speed: number
  professionalism: number
  attitude: number
  satisfied: boolean
}

/** The rating as a whole per cent (rounded), for display. */
export const ratingPercent = (r: RatingScores): number => Math.round(((r.speed + r.professionalism + r.attitude) * 100) / MAX_TOTAL)

/** Integers only: (sum / 15) < 0.8 ⇔ sum × 100 < 80 × 15. */
export const needsReview = (r: RatingScores): boolean =>
  !r.satisfied || (r.speed + r.professionalism + r.attitude) * 100 < REVIEW_LINE_PERCENT * MAX_TOTAL
