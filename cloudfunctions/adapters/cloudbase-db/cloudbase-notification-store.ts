import type { NotificationStore } from '../../ports/notification-store'
import type { DocDb } from './doc-db'
import { cloudbaseInboxStore } from './cloudbase-inbox-store'
import { cloudbaseOutboxQueue } from './cloudbase-outbox-queue'
import { cloudbaseSubscriptionStore } from './cloudbase-subscription-store'

// The NotificationStore on the document database, in three parts: the outbox as a queue with leases
// (cloudbase-outbox-queue.ts), deliveries and the in-app inbox (cloudbase-inbox-store.ts), and
// clerks and subscribe-message counts (cloudbase-subscription-store.ts).
export function cloudbaseNotificationStore(db: DocDb): NotificationStore {
  return { ...cloudbaseOutboxQueue(db), ...cloudbaseInboxStore(db), ...cloudbaseSubscriptionStore(db) }
}
