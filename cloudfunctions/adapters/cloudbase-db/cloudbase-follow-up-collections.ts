import type { CollectionSpec } from './cloudbase-resources'
import { COLLECTIONS } from './collection-names'

// The follow-through's collections (issue 19), part of the manifest in cloudbase-resources.ts: the
// published complaint records (cloudbase-public-records-store.ts), burst alerts
// (cloudbase-burst-store.ts) and the analysis letters' deliveries (cloudbase-letter-store.ts).
export const FOLLOW_UP_COLLECTIONS = {
  // 投诉信息公示 (cloudbase-public-records-store.ts)
  [COLLECTIONS.publicSettings]: { indexes: [] }, // by _id (the site)
  [COLLECTIONS.publicMarks]: { indexes: [] }, // by _id (the shop)
  [COLLECTIONS.publicFigures]: {
    indexes: [
      {
        name: 'site_month',
        keys: [
          ['siteId', 'asc'],
          ['month', 'asc'],
          ['_id', 'asc'],
        ],
        serves: 'listPublicFigures',
      },
    ],
  },
  [COLLECTIONS.burstAlerts]: {
    indexes: [
      {
        name: 'key_window',
        keys: [
          ['key', 'asc'],
          ['windowStart', 'desc'],
          ['_id', 'asc'],
        ],
        serves: 'latestBurstAlert',
      },
      {
        name: 'site_window',
        keys: [
          ['siteId', 'asc'],
          ['windowStart', 'desc'],
          ['_id', 'asc'],
        ],
        serves: 'listBurstAlerts',
      },
    ],
  },
  [COLLECTIONS.burstAlertWindows]: { indexes: [] },
  [COLLECTIONS.burstMeta]: { indexes: [] }, // by _id: the burst pass's watermark
  [COLLECTIONS.burstSettings]: { indexes: [] }, // by _id (the site)
  [COLLECTIONS.letterDeliveries]: {
    indexes: [
      {
        name: 'merchant_delivered',
        keys: [
          ['merchantId', 'asc'],
          ['deliveredAt', 'desc'],
          ['_id', 'desc'],
        ],
        serves: 'listLetterDeliveries',
      },
    ],
  },
  [COLLECTIONS.pendingLetters]: {
    indexes: [
      {
        name: 'site_owed',
        keys: [
          ['siteId', 'asc'],
          ['owed', 'asc'],
          ['quarter', 'asc'],
          ['merchantName', 'asc'],
          ['_id', 'asc'],
        ],
        serves: 'listPendingLetters',
      },
    ],
  },
  [COLLECTIONS.publicObjections]: {
    indexes: [
      {
        name: 'site_filed',
        keys: [
          ['siteId', 'asc'],
          ['filedAt', 'desc'],
          ['_id', 'asc'],
        ],
        serves: 'listObjectionsOfSite',
      },
      {
        name: 'merchant_filed',
        keys: [
          ['merchantId', 'asc'],
          ['filedAt', 'desc'],
          ['_id', 'asc'],
        ],
        serves: 'listObjectionsOfMerchant',
      },
    ],
  },
  [COLLECTIONS.publicObjectionPending]: { indexes: [] }, // guard documents by _id (the shop)
} as const satisfies Record<string, CollectionSpec>
