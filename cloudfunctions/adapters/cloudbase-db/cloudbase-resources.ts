import { FUNCTION_NAMES } from '../../../src/domain/api/contract'
import { CASE_INDEXES } from './cloudbase-case-indexes'
import { DIRECTORY_COLLECTIONS } from './cloudbase-directory-collections'
import { STATS_COLLECTIONS } from './cloudbase-stats-collections'
import { CALLBACK_COLLECTIONS, CLOSURES_INDEX } from './cloudbase-callback-collections'
import { COLLECTIONS, type CollectionName } from './collection-names'
import { TAG_COLLECTIONS } from './cloudbase-tag-collections'
import { FOLLOW_UP_COLLECTIONS } from './cloudbase-follow-up-collections'

// Everything the CloudBase environment must hold before the functions run, in one place: every
// collection with its indexes and who may touch it, the storage rule, and which functions a client
// may call. `npm run cloud:provision` makes an environment match this (scripts/cloud-provision.ts);
// nothing here is read at run time. See docs/cloudbase-deploy.md.
//
// Indexes. Fields are the document fields the adapter writes (camelCase, instants in fixed-width UTC,
// see doc-codec.ts), in the order a query filters on them (equality first) and then sorts. `_id` last
// where the query pages on it. Direction matters only for a sort: 'desc' where the query sorts newest
// first. An index that serves a query also serves its prefixes, so none is repeated as its own prefix.
// Field names are those of the adapter's documents: whoever writes a collection's part of the adapter
// owns its entry here and corrects it when a query changes (one line per index).
//
// Uniqueness: no unique index anywhere. What must be unique is made so by a deterministic `_id`
// (a guard document inserted in the same transaction: merchant_codes, merchant_usccs, staff_usernames,
// case_keys; or the record itself: device_tokens, staff_sessions, deliveries, …), and CloudBase
// refuses a second document with the same _id. A unique index would only add a second, slower way to
// fail inside a transaction.

export type IndexDirection = 'asc' | 'desc'

export interface IndexSpec {
  /** CloudBase index name: letters, digits and underscores; unique within its collection */
  name: string
  /** [field, direction] in index order */
  keys: ReadonlyArray<readonly [field: string, direction: IndexDirection]>
  /** which store methods this index serves (for whoever changes a query) */
  serves: string
}

export interface CollectionSpec {
  indexes: readonly IndexSpec[]
}

/**
 * Every collection (from COLLECTIONS, so none can be forgotten: the type demands each name) with its
 * indexes. A collection read only by _id needs none.
 */
export const COLLECTION_RESOURCES: { readonly [C in CollectionName]: CollectionSpec } = {
  ...DIRECTORY_COLLECTIONS, // sites, shops, devices, staff, bindings, invites: cloudbase-directory-collections.ts
  ...STATS_COLLECTIONS, // the statistics' cubes, filer rows, contributions, marks: cloudbase-stats-collections.ts
  ...CALLBACK_COLLECTIONS, // 回访抽查 samples and the review list: cloudbase-callback-collections.ts
  ...TAG_COLLECTIONS, // 标签 and each case's tags: cloudbase-tag-collections.ts
  // cases
  [COLLECTIONS.cases]: {
    indexes: CASE_INDEXES, // cloudbase-case-indexes.ts
  },
  [COLLECTIONS.caseKeys]: { indexes: [] },
  // consultations (cloudbase-consultation-store.ts)
  [COLLECTIONS.consultations]: {
    indexes: [
      {
        name: 'filed_by_created',
        keys: [
          ['filedBy', 'asc'],
          ['createdAt', 'desc'],
          ['_id', 'asc'],
        ],
        serves: 'listConsultationsFiledBy',
      },
      {
        name: 'site_status_created',
        keys: [
          ['siteId', 'asc'],
          ['status', 'asc'],
          ['createdAt', 'desc'],
          ['_id', 'asc'],
        ],
        serves: 'listConsultationsForSite',
      },
      { name: 'consult_no', keys: [['consultNo', 'asc']], serves: 'findConsultationByNo' },
      { name: 'case_id', keys: [['caseId', 'asc']], serves: 'findConsultationOfCase (the link back from a complaint)' },
    ],
  },
  [COLLECTIONS.consultKeys]: { indexes: [] },
  [COLLECTIONS.sequences]: { indexes: [] },
  [COLLECTIONS.events]: {
    indexes: [
      {
        name: 'case_seq',
        keys: [
          ['caseId', 'asc'],
          ['seq', 'asc'],
          ['_id', 'asc'],
        ],
        serves: 'listEvents',
      },
      CLOSURES_INDEX, // the monthly call-back draw (cloudbase-callback-collections.ts)
    ],
  },
  [COLLECTIONS.clocks]: {
    indexes: [
      {
        name: 'case_started',
        keys: [
          ['caseId', 'asc'],
          ['startedAt', 'asc'],
          ['clockId', 'asc'],
        ],
        serves: 'listClocksOfCase, listClocksOfCases (caseId in […])',
      },
      {
        name: 'next_check',
        keys: [
          ['nextCheckAt', 'asc'],
          ['_id', 'asc'],
        ],
        serves: 'findClocksDueBefore, advanceDueClocks (the tick: nextCheckAt <= now, earliest first)',
      },
    ],
  },
  [COLLECTIONS.outbox]: {
    indexes: [
      {
        name: 'status_next_attempt',
        keys: [
          ['status', 'asc'],
          ['nextAttemptAt', 'asc'],
          ['position', 'asc'],
          ['_id', 'asc'],
        ],
        serves: 'claimDueOutbox (the notify timer; leaseUntil < now is checked on the rows this finds)',
      },
      {
        name: 'status_position',
        keys: [
          ['status', 'asc'],
          ['position', 'asc'],
          ['_id', 'asc'],
        ],
        serves: 'listParkedOutbox; pending in order (StoreInspection)',
      },
    ],
  },
  [COLLECTIONS.evidence]: {
    indexes: [
      {
        name: 'case_created',
        keys: [
          ['caseId', 'asc'],
          ['createdAt', 'asc'],
          ['_id', 'asc'],
        ],
        serves: 'listEvidenceOfCase, listUnclaimedEvidenceBefore (caseId null)',
      },
      {
        name: 'uploader_created',
        keys: [
          ['uploadedBy', 'asc'],
          ['createdAt', 'asc'],
        ],
        serves: 'uploadsSince (the upload quota)',
      },
    ],
  },
  [COLLECTIONS.accessLog]: {
    // append-only; read when someone audits one case
    indexes: [
      {
        name: 'case_at',
        keys: [
          ['caseId', 'asc'],
          ['at', 'asc'],
          ['_id', 'asc'],
        ],
        serves: 'who opened a case, in order',
      },
    ],
  },
  // notifications
  [COLLECTIONS.deliveries]: { indexes: [] },
  [COLLECTIONS.inbox]: {
    indexes: [
      {
        name: 'recipient_created',
        keys: [
          ['recipient.role', 'asc'],
          ['recipient.id', 'asc'],
          ['createdAt', 'desc'],
          ['_id', 'asc'],
        ],
        serves: 'listInbox (newest first), countUnreadInbox, markInboxRead',
      },
    ],
  },
  [COLLECTIONS.subscriptions]: { indexes: [] },
  [COLLECTIONS.contacts]: {
    indexes: [
      {
        name: 'scope',
        keys: [
          ['scopeKind', 'asc'],
          ['scopeId', 'asc'],
        ],
        serves: 'listContactsFor, listContactsAt',
      },
    ],
  },
  [COLLECTIONS.contactChanges]: {
    indexes: [
      {
        name: 'contact_at',
        keys: [
          ['contactId', 'asc'],
          ['at', 'asc'],
          ['_id', 'asc'],
        ],
        serves: 'listContactChanges',
      },
    ],
  },
  [COLLECTIONS.keyChecks]: { indexes: [] },
  // fast-track check-in locations and report rewards (cloudbase-fast-track-store.ts)
  [COLLECTIONS.onSiteCheckins]: {
    indexes: [
      {
        name: 'case_at',
        keys: [
          ['caseId', 'asc'],
          ['at', 'asc'],
          ['_id', 'asc'],
        ],
        serves: 'listCheckInLocations',
      },
    ],
  },
  [COLLECTIONS.reportRewards]: { indexes: [] }, // read by _id (the case) only
  // the files cloud functions made for download (cloudbase-export-file-store.ts, as SQL migration 0033)
  [COLLECTIONS.exportFiles]: {
    indexes: [
      {
        name: 'made_at',
        keys: [
          ['madeAt', 'asc'],
          ['_id', 'asc'],
        ],
        serves: 'listExportFilesMadeBefore',
      },
    ],
  },
  ...FOLLOW_UP_COLLECTIONS, // 公示, 突发消费事件, 分析建议书 (issue 19): cloudbase-follow-up-collections.ts
}

/**
 * No client reads or writes any collection: every read and write goes through a cloud function,
 * which uses the server SDK (administrator rights, not bound by the rule). ADMINONLY is CloudBase's
 * "仅管理员可读写" (the same as the custom rule {"read": false, "write": false}); it is set per
 * collection with ModifyDatabaseACL.
 */
export const COLLECTION_ACL = 'ADMINONLY' as const

/**
 * Cloud storage (one bucket per environment, one rule for the bucket). A client may write (upload;
 * in CloudBase "write" also covers overwrite and delete) only where the mini-program uploads,
 * uploads/<32 hex>/file.<ext> (src/api/upload.weapp.ts, UPLOAD_PATH), and only when signed in; it
 * reads nothing: consumer.registerUpload copies the upload into evidence/ and deletes it, and
 * files are shown through links the functions sign. The path is random (128 bits) rather than under
 * the openid because the function learns the uploader from the platform, not from the path.
 * The regular expression avoids backslashes (character classes instead), so no escaping can go
 * wrong between this file, JSON and the rule language.
 */
export const STORAGE_UPLOAD_PATTERN = '^uploads[/][0-9a-f]{32}[/]file[.][a-z0-9]{1,8}$'
export const STORAGE_RULE = {
  read: false,
  write: `auth != null && /${STORAGE_UPLOAD_PATTERN}/.test(resource.path) == true`,
} as const

/** Functions only timers (or the console) start: a client call is refused by the function rule. */
export const INTERNAL_FUNCTIONS = ['clock', 'notify'] as const

/** Functions the mini-program calls (wx.cloud.callFunction), one per API area (FUNCTION_NAMES). */
export const CLIENT_FUNCTIONS = FUNCTION_NAMES

/**
 * The environment's function rule: every function refused to clients ("*": false), then each client
 * function allowed to signed-in callers. CloudBase accepts only true, false and "auth != null"
 * (or the anonymous-excluding form) here; timers and the server SDK are not subject to it.
 */
export const FUNCTION_RULE: Record<string, { invoke: boolean | string }> = {
  '*': { invoke: false },
  ...Object.fromEntries(CLIENT_FUNCTIONS.map((name) => [name, { invoke: 'auth != null' }])),
}
