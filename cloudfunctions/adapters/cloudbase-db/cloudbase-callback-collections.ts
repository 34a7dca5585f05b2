import type { CollectionSpec } from './cloudbase-resources'
import { COLLECTIONS } from './collection-names'

// 回访抽查 and the review list of low ratings (cloudbase-callback-store.ts): part of the manifest in
// cloudbase-resources.ts, whose rules apply (equality fields first, then the sort, _id last).
export const CALLBACK_COLLECTIONS = {
  [COLLECTIONS.callbackSamples]: {
    indexes: [
      {
        name: 'month_site',
        keys: [
          ['month', 'asc'],
          ['siteId', 'asc'],
          ['_id', 'asc'],
        ],
        serves: 'listCallbackSamples (a month, every site); the rest is read by _id = siteId:month',
      },
    ],
  },
  [COLLECTIONS.ratingReviews]: {
    indexes: [
      {
        name: 'site_status_rated',
        keys: [
          ['siteId', 'asc'],
          ['status', 'asc'],
          ['ratedAt', 'desc'],
          ['_id', 'asc'],
        ],
        serves: 'listRatingReviews (open first, newest rating first)',
      },
    ],
  },
} as const satisfies Record<string, CollectionSpec>

/** The index on case_events the monthly draw reads: last month's closures (listClosedComplaints). */
export const CLOSURES_INDEX = {
  name: 'type_at',
  keys: [
    ['type', 'asc'],
    ['at', 'asc'],
    ['_id', 'asc'],
  ],
  serves: 'listClosedComplaints (the monthly call-back draw: type = closed, at in a month)',
} as const
