import { cloudbaseStoreParts } from '../../cloudfunctions/adapters/cloudbase-db/cloudbase-store'
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
  const parts = cloudbaseStoreParts(t.db, TEST_VAULT)
  // WIP: the parts are still being added; a method that is missing fails the test that calls it.
  const store = parts as Store & StoreInspection
  return { ...store, close: () => t.close() }
}
