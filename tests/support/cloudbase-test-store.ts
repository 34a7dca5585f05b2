import { cloudbaseStore } from '../../cloudfunctions/adapters/cloudbase-db/cloudbase-store'
import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import { startCloudbaseTestApp } from './cloudbase-test-app'
import { TEST_VAULT } from './test-deps'

/**
 * A fresh, empty document store: the CloudBase adapter driving the real SDK against its own loopback
 * server. Closing the store stops the loopback.
 */
export async function openCloudbaseTestStore(): Promise<Store & StoreInspection> {
  const t = await startCloudbaseTestApp()
  const store = cloudbaseStore(t.db, TEST_VAULT)
  return { ...store, close: () => t.close() }
}
