import type { IndexSpec } from './cloudbase-resources'

// The cases collection's indexes, part of the manifest in cloudbase-resources.ts (the rules there
// apply: equality fields first, then the sort, _id last where a query pages). The cases collection
// carries most of them because the board, the shop's inbox, the counters and the tick all page over
// it, each under its own filters; kept apart so the manifest stays readable.
export const CASE_INDEXES: readonly IndexSpec[] = [
  { name: 'case_no', keys: [['caseNo', 'asc']], serves: 'findCaseByNo' },
  {
    name: 'filed_by_created',
    keys: [
      ['filedBy', 'asc'],
      ['createdAt', 'desc'],
      ['_id', 'asc'],
    ],
    serves: 'listCasesFiledBy',
  },
  {
    name: 'merchant_kind_created',
    keys: [
      ['merchantId', 'asc'],
      ['kind', 'asc'],
      ['createdAt', 'desc'],
      ['_id', 'asc'],
    ],
    serves: 'listCasesForMerchant (complaints only)',
  },
  {
    name: 'site_created',
    keys: [
      ['siteId', 'asc'],
      ['createdAt', 'desc'],
      ['_id', 'asc'],
    ],
    serves: 'listCasesForSite',
  },
  {
    name: 'created',
    keys: [
      ['createdAt', 'desc'],
      ['_id', 'asc'],
    ],
    serves: 'listAllCases',
  },
  // the board (see BoardStore in ports/store.ts): soonest due first, keyset-paged on (boardDueAt, _id)
  {
    name: 'board_site_open',
    keys: [
      ['siteId', 'asc'],
      ['open', 'asc'],
      ['boardDueAt', 'asc'],
      ['_id', 'asc'],
    ],
    serves: 'listBoard of one site, open cases',
  },
  {
    name: 'board_open',
    keys: [
      ['open', 'asc'],
      ['boardDueAt', 'asc'],
      ['_id', 'asc'],
    ],
    serves: 'listBoard across sites, open cases',
  },
  {
    name: 'board_site',
    keys: [
      ['siteId', 'asc'],
      ['boardDueAt', 'asc'],
      ['_id', 'asc'],
    ],
    serves: 'listBoard of one site, every status',
  },
  // the board's 标签 filter: confirmedTags is an array, so these are multikey indexes (cloudbase-tag-store.ts)
  {
    name: 'board_site_tag',
    keys: [
      ['siteId', 'asc'],
      ['confirmedTags', 'asc'],
      ['boardDueAt', 'asc'],
      ['_id', 'asc'],
    ],
    serves: 'listBoard of one site by a confirmed tag',
  },
  {
    name: 'board_tag',
    keys: [
      ['confirmedTags', 'asc'],
      ['boardDueAt', 'asc'],
      ['_id', 'asc'],
    ],
    serves: 'listBoard across sites by a confirmed tag',
  },
  {
    name: 'board_merchant',
    keys: [
      ['merchantId', 'asc'],
      ['boardDueAt', 'asc'],
      ['_id', 'asc'],
    ],
    serves: 'listBoard narrowed to one shop, across sites',
  },
  // the shop's record (cloudbase-merchant-record.ts): one count() per flag of a shop's complaints
  {
    name: 'record_open',
    keys: [
      ['merchantId', 'asc'],
      ['kind', 'asc'],
      ['tally.open', 'asc'],
    ],
    serves: 'countMerchantCases (open)',
  },
  {
    name: 'record_closed',
    keys: [
      ['merchantId', 'asc'],
      ['kind', 'asc'],
      ['tally.closed', 'asc'],
    ],
    serves: 'countMerchantCases (closed)',
  },
  {
    name: 'record_settled',
    keys: [
      ['merchantId', 'asc'],
      ['kind', 'asc'],
      ['tally.settled', 'asc'],
    ],
    serves: 'countMerchantCases (settled)',
  },
  {
    name: 'record_response_started',
    keys: [
      ['merchantId', 'asc'],
      ['kind', 'asc'],
      ['tally.responseStarted', 'asc'],
    ],
    serves: 'countMerchantCases (responseStarted)',
  },
  {
    name: 'record_response_on_time',
    keys: [
      ['merchantId', 'asc'],
      ['kind', 'asc'],
      ['tally.responseOnTime', 'asc'],
    ],
    serves: 'countMerchantCases (responseOnTime)',
  },
  {
    name: 'record_response_late',
    keys: [
      ['merchantId', 'asc'],
      ['kind', 'asc'],
      ['tally.responseLate', 'asc'],
    ],
    serves: 'countMerchantCases (responseLate)',
  },
]
