// Every collection the document-database store keeps, in one place: the adapter's files name their
// collections from here, and the provisioning manifest (cloudbase-resources.ts) creates exactly these
// with their indexes. Names are CloudBase collection names: letters, digits and underscores.
export const COLLECTIONS = {
  // directory
  sites: 'sites',
  merchants: 'merchants',
  /** guard documents, _id = the shop code: a code names one shop (no unique index needed) */
  merchantCodes: 'merchant_codes',
  /** guard documents, _id = `${siteId}:${uscc}`: one shop per credit code per site */
  merchantUsccs: 'merchant_usccs',
  // identity
  devices: 'devices',
  /** _id = the token's hash */
  deviceTokens: 'device_tokens',
  memberships: 'memberships',
  staff: 'staff',
  /** guard documents, _id = the username: one account per username */
  staffUsernames: 'staff_usernames',
  /** _id = the session token's hash */
  staffSessions: 'staff_sessions',
  invites: 'merchant_invites',
  /** every staff account ↔ OPENID binding, revoked ones too (_id = the binding's id) */
  staffBindings: 'staff_bindings',
  /** guard documents, _id = the subject: its one ACTIVE binding (a copy), read on every call */
  staffBindingSubjects: 'staff_binding_subjects',
  /** _id = the binding code's hash: used once */
  staffBindingCodes: 'staff_binding_codes',
  /** append-only audit of binds, unbinds and codes issued */
  staffBindingLog: 'staff_binding_log',
  /** _id = the escaped key (an account's username): failed sign-ins in a row */
  loginFailures: 'login_failures',
  // cases
  cases: 'cases',
  /** guard documents, _id = digest of (filedBy, idempotency key): decides a repeated submit */
  caseKeys: 'case_keys',
  /** _id = the counter's name (a day's case numbers, …) */
  sequences: 'sequences',
  events: 'case_events',
  /** _id = `${caseId}:${clockId}` */
  clocks: 'case_clocks',
  outbox: 'outbox',
  evidence: 'evidence',
  accessLog: 'access_log',
  /** _id = the check-in event's id: where a fast-track check-in was made, sealed */
  onSiteCheckins: 'on_site_checkins',
  /** _id = the report's case id: one reward application per report, its contact sealed */
  reportRewards: 'report_rewards',
  // notifications
  /** _id = digest of the delivery key: a message to one address is delivered once */
  deliveries: 'deliveries',
  inbox: 'inbox',
  /** _id = `${subject}:${slot}`: subscribe-message sends left */
  subscriptions: 'subscriptions',
  contacts: 'notification_contacts',
  contactChanges: 'notification_contact_changes',
  /** _id = the key's name */
  keyChecks: 'key_checks',
  // 标签 (cloudbase-tag-store.ts, as SQL migration 0025); _id = the tag's id / the case's id
  tags: 'tags',
  caseTags: 'case_tags',
  // consultations (咨询), apart from the cases
  consultations: 'consultations',
  /** guard documents, _id = digest of (filedBy, idempotency key): decides a repeated ask */
  consultKeys: 'consult_keys',
  // 投诉信息公示 (cloudbase-public-records-store.ts, as SQL migration 0022)
  /** _id = the site */
  publicSettings: 'public_settings',
  /** _id = the shop: its counters as last rolled into the figures */
  publicMarks: 'public_marks',
  /** _id = `${siteId}:${month}:${merchantId}` */
  publicFigures: 'public_figures',
  publicObjections: 'public_objections',
  /** guard documents, _id = the shop: its one objection waiting */
  publicObjectionPending: 'public_objection_pending',
  /** 消费投诉分析建议书 deliveries (cloudbase-letter-store.ts, as SQL migration 0024) */
  letterDeliveries: 'letter_deliveries',
  /** 待送达建议书, _id = `${siteId}:${quarter}:${merchantId}` (cloudbase-letter-store.ts, as SQL migration 0029) */
  pendingLetters: 'pending_letters',
  /** the files cloud functions made for download, _id = the name with '/' as ':' (as SQL migration 0033) */
  exportFiles: 'export_files',
  // 突发消费事件 alerts (cloudbase-burst-store.ts, as SQL migration 0023)
  burstAlerts: 'burst_alerts',
  /** guard documents, _id = sha256(key, windowStart): one alert per window */
  burstAlertWindows: 'burst_alert_windows',
  /** the burst pass's watermark, one document `watermark` (as SQL migration 0027) */
  burstMeta: 'burst_meta',
  /** a site's own K and window, _id = the site (as SQL migration 0030) */
  burstSettings: 'burst_settings',
  // 回访抽查 and the review of low ratings (cloudbase-callback-store.ts, as SQL migration 0021)
  /** _id = `${siteId}:${month}`: one sample per site and month */
  callbackSamples: 'callback_samples',
  /** _id = the rating event's id */
  ratingReviews: 'rating_reviews',
  // the statistics' read model (cloudbase-stats-store.ts, as SQL migration 0019)
  /** _id = digest of the cube row's key: one document per (cube, day, dimensions, slot) */
  statsCube: 'stats_cube',
  /** _id = digest of (day, dimensions, filer key) */
  statsFilers: 'stats_filers',
  /** _id = digest of a repeat tally's or counter's key (cloudbase-stats-repeat-counters.ts, as SQL migration 0034) */
  statsRepeats: 'stats_repeats',
  /** _id = the case: what it added at its last refresh */
  statsContributions: 'stats_contributions',
  /** _id = the case: marked by every write that can change its figures */
  statsPending: 'stats_pending',
  /** _id = 'watermark' */
  statsMeta: 'stats_meta',
  statsQueries: 'stats_queries',
} as const

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS]
