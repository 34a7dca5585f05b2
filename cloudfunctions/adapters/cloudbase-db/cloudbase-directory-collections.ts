import type { CollectionSpec } from './cloudbase-resources'
import { COLLECTIONS, type CollectionName } from './collection-names'

// The directory's and identity's collections with their indexes: part of the manifest in
// cloudbase-resources.ts, whose rules apply (equality fields first, then the sort, _id last where a
// query pages). Kept apart so the manifest stays readable.
export const DIRECTORY_COLLECTIONS = {
  // directory
  [COLLECTIONS.sites]: { indexes: [] },
  [COLLECTIONS.merchants]: {
    indexes: [
      { name: 'code', keys: [['code', 'asc']], serves: 'findMerchantByCode (the guard merchant_codes keeps it unique)' },
      {
        name: 'site_uscc',
        keys: [
          ['siteId', 'asc'],
          ['uscc', 'asc'],
        ],
        serves: 'findMerchantByUscc (the guard merchant_usccs keeps it unique per site)',
      },
      {
        name: 'site_name',
        keys: [
          ['siteId', 'asc'],
          ['name', 'asc'],
          ['_id', 'asc'],
        ],
        serves: 'listMerchantsOfSite',
      },
      {
        name: 'name',
        keys: [
          ['name', 'asc'],
          ['_id', 'asc'],
        ],
        serves: 'searchMerchants (db.RegExp on name, ordered by name)',
      },
    ],
  },
  [COLLECTIONS.merchantCodes]: { indexes: [] },
  [COLLECTIONS.merchantUsccs]: { indexes: [] },
  // identity
  [COLLECTIONS.devices]: { indexes: [] },
  [COLLECTIONS.deviceTokens]: { indexes: [] },
  [COLLECTIONS.memberships]: {
    indexes: [
      // _id is the pair (merchantId, subject) (membership-docs.ts); the binding's own id is the field `id`
      { name: 'binding_id', keys: [['id', 'asc']], serves: 'getMembership' },
      {
        name: 'subject_created',
        keys: [
          ['subject', 'asc'],
          ['createdAt', 'asc'],
          ['id', 'asc'],
        ],
        serves: 'listActiveMembershipsOf, listMembershipsOf',
      },
      {
        name: 'merchant_created',
        keys: [
          ['merchantId', 'asc'],
          ['createdAt', 'asc'],
          ['id', 'asc'],
        ],
        serves: 'listMembershipsOfMerchant, listActiveMemberSubjects',
      },
    ],
  },
  [COLLECTIONS.staff]: {
    indexes: [
      {
        name: 'username',
        keys: [['username', 'asc']],
        serves: 'findStaffByUsername, listStaffAccounts (the guard staff_usernames keeps it unique)',
      },
    ],
  },
  [COLLECTIONS.staffUsernames]: { indexes: [] },
  [COLLECTIONS.staffSessions]: { indexes: [] },
  [COLLECTIONS.staffBindings]: {
    indexes: [
      {
        name: 'staff_created',
        keys: [
          ['staffId', 'asc'],
          ['createdAt', 'desc'],
          ['_id', 'desc'],
        ],
        serves: 'listStaffBindingsOf (newest first)',
      },
    ],
  },
  [COLLECTIONS.staffBindingSubjects]: { indexes: [] },
  [COLLECTIONS.staffBindingCodes]: { indexes: [] },
  [COLLECTIONS.staffBindingLog]: {
    // append-only; read when someone audits one account
    indexes: [
      {
        name: 'staff_at',
        keys: [
          ['staffId', 'asc'],
          ['at', 'asc'],
          ['_id', 'asc'],
        ],
        serves: 'listStaffBindingLog',
      },
    ],
  },
  [COLLECTIONS.loginFailures]: { indexes: [] },
  [COLLECTIONS.invites]: {
    indexes: [
      { name: 'code_hash', keys: [['codeHash', 'asc']], serves: 'findLiveInvite' },
      {
        name: 'merchant_created',
        keys: [
          ['merchantId', 'asc'],
          ['createdAt', 'desc'],
          ['_id', 'desc'],
        ],
        serves: 'listLiveInvitesOf (newest first)',
      },
    ],
  },
} satisfies Partial<Record<CollectionName, CollectionSpec>>
