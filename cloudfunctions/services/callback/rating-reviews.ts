import type { Case, CaseEvent } from '../../../src/domain/case.schema'
import { needsReview, ratingPercent } from '../../../src/domain/callback/rating-review'
import type { RatingReview } from '../../../src/domain/callback/callback.schema'
import { fail, ok, type Result } from '../../../src/domain/errors'
import type { Deps, ServiceContext } from '../context'
import { siteInScope } from './callback-desk'

// Satisfaction follow-up (docs/callbacks.md "The review rule"): a rating below 80 % (rating-review.ts)
// goes to the review list of the station head — any station account of the site, or a regulator, may
// record the review; who and when are kept with what was found and what changed.

/** Called after a rating is written (case-actions.ts): a low one goes on the list, once per rating event. */
export async function noteRating(deps: Deps, c: Pick<Case, 'id' | 'caseNo' | 'siteId'>, event: CaseEvent): Promise<void> {
  const d = event.details
  if (event.type !== 'rated' || d?.kind !== 'rating' || !needsReview(d)) return
  const review: RatingReview = {
    eventId: event.id,
    caseId: c.id,
    caseNo: c.caseNo,
    siteId: c.siteId,
    ratedAt: event.at,
    speed: d.speed,
    professionalism: d.professionalism,
    attitude: d.attitude,
    satisfied: d.satisfied,
    percent: ratingPercent(d),
    status: 'open',
    findings: null,
    changes: null,
    reviewedBy: null,
    reviewedAt: null,
  }
  await deps.store.addRatingReview(review)
}

export async function listRatingReviews(ctx: ServiceContext, siteId: string | undefined): Promise<Result<{ items: RatingReview[] }>> {
  const site = await siteInScope(ctx, siteId)
  if (!site.ok) return site
  return ok({ items: await ctx.deps.store.listRatingReviews(site.data.id) })
}

export async function reviewRating(
  ctx: ServiceContext,
  input: { eventId: string; findings: string; changes: string },
): Promise<Result<RatingReview>> {
  const found = await ctx.deps.store.getRatingReview(input.eventId)
  if (!found) return fail('REVIEW_NOT_FOUND')
  const site = await siteInScope(ctx, found.siteId)
  if (!site.ok) return fail('REVIEW_NOT_FOUND') // another site's: no hint it exists
  const closed = await ctx.deps.store.closeRatingReview(input.eventId, {
    findings: input.findings,
    changes: input.changes,
    reviewedBy: ctx.caller.staff?.staffId ?? '',
    reviewedAt: ctx.deps.clock.now().toISOString(),
  })
  return closed ? ok(closed) : fail('REVIEW_DONE')
}
