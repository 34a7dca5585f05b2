import type { OutboxMessage } from '../../src/domain/case.schema'
import type { AccessEntry } from './store'

/**
 * What tests and the bench use to look inside a store: reads no service makes. Production code types
 * its store as `Store` (ports/store.ts) and never sees these; an adapter implements them so the same
 * tests can check what its writes left behind (openSqlStore and sqlStore return `Store & StoreInspection`).
 * Kept out of `Store` so a new adapter is not asked for queries only a test needs, and so no service
 * grows to depend on one (the dispatcher claims the outbox with leases, it never lists it).
 */
export interface StoreInspection {
  /** Notifications not yet delivered, oldest first. */
  listPendingOutbox(limit: number): Promise<OutboxMessage[]>
  /** Who opened a case's personal data, oldest first. */
  listAccessOfCase(caseId: string): Promise<AccessEntry[]>
}
