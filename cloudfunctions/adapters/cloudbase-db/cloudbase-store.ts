import type { Store } from '../../ports/store'
import type { StoreInspection } from '../../ports/store-inspection'
import type { Vault } from '../../ports/system'
import type { DocDb } from './doc-db'
import { cachedDirectory } from '../directory-cache'
import { cloudbaseAccessLogStore } from './cloudbase-access-log-store'
import { cloudbaseBoardStore } from './cloudbase-board-store'
import { cloudbaseCaseStore } from './cloudbase-case-store'
import { cloudbaseClockBatch } from './cloudbase-clock-batch'
import { cloudbaseClockStore } from './cloudbase-clock-store'
import { cloudbaseContactStore } from './cloudbase-contact-store'
import { cloudbaseConsultationStore } from './cloudbase-consultation-store'
import { cloudbaseCallbackStore } from './cloudbase-callback-store'
import { cloudbaseDirectoryStore } from './cloudbase-directory-store'
import { cloudbaseEvidenceStore } from './cloudbase-evidence-store'
import { cloudbaseFastTrackStore } from './cloudbase-fast-track-store'
import { cloudbaseIdentityStore } from './cloudbase-identity-store'
import { cloudbaseKeyCheckStore } from './cloudbase-key-check-store'
import { cloudbaseMerchantRecord } from './cloudbase-merchant-record'
import { cloudbaseNotificationStore } from './cloudbase-notification-store'
import { cloudbaseRegistryStore } from './cloudbase-registry-store'
import { cloudbaseStatsStore } from './cloudbase-stats-store'
import { cloudbasePublicRecordsStore } from './cloudbase-public-records-store'
import { cloudbaseBurstStore } from './cloudbase-burst-store'
import { cloudbaseLetterStore } from './cloudbase-letter-store'
import { cloudbaseExportFileStore } from './cloudbase-export-file-store'
import { cloudbaseTagStore } from './cloudbase-tag-store'
import { cachedTags } from '../tag-cache'

// The Store on the CloudBase document database: one part per port, each in its own file, all over
// one `app.database()`. Personal data is sealed with the vault before it reaches a document, as in
// the SQL store. What each part stores and why is in docs/cloudbase-store.md. No DDL, no migration:
// collections and indexes are provisioned once by `npm run cloud:provision` (cloudbase-resources.ts).
export function cloudbaseStore(db: DocDb, vault: Vault): Store & StoreInspection {
  return {
    ...cachedDirectory(cloudbaseDirectoryStore(db, vault)), // shop and site: every submit reads them (adapters/directory-cache.ts)
    ...cloudbaseIdentityStore(db),
    ...cloudbaseRegistryStore(db, vault),
    ...cloudbaseMerchantRecord(db), // the shop's record: count() over flags on its complaints
    ...cloudbaseCaseStore(db, vault),
    ...cloudbaseBoardStore(db),
    ...cloudbaseEvidenceStore(db),
    ...cloudbaseKeyCheckStore(db),
    ...cloudbaseAccessLogStore(db),
    ...cloudbaseFastTrackStore(db, vault), // check-in locations and report rewards (as SQL migration 0018)
    ...cloudbaseContactStore(db, vault),
    ...cloudbaseConsultationStore(db, vault),
    ...cloudbaseCallbackStore(db), // 回访抽查 and the review of low ratings (as SQL migration 0021)
    ...cloudbaseClockStore(db),
    ...cloudbaseClockBatch(db),
    ...cloudbaseNotificationStore(db),
    ...cloudbasePublicRecordsStore(db), // 投诉信息公示 (as SQL migration 0022)
    ...cloudbaseBurstStore(db), // 突发消费事件 alerts (as SQL migration 0023)
    ...cloudbaseLetterStore(db), // 消费投诉分析建议书 deliveries (as SQL migration 0024)
    ...cloudbaseExportFileStore(db), // the files cloud functions made for download (as SQL migration 0033)
    ...cachedTags(cloudbaseTagStore(db)), // 标签 (as SQL migration 0025); every filing reads the list (tag-cache.ts)
    ...cloudbaseStatsStore(db), // the statistics' read model (as SQL migration 0019)
    maintain: () => Promise.resolve(), // no planner statistics to refresh: the service keeps its indexes itself
    close: () => Promise.resolve(), // the SDK holds no connection: each call is an HTTPS request
  }
}
