import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import { boardContract } from './board.contract'
import { burstAlertsContract } from './burst-alerts.contract'
import { caseTransferContract } from './case-transfer.contract'
import { callbacksContract } from './callbacks.contract'
import { clockPauseContract } from './clock-pause.contract'
import { clockStoreContract } from './clock-store.contract'
import { consultationsContract } from './consultations.contract'
import { deliveriesInboxContract } from './deliveries-inbox.contract'
import { deviceTokensContract } from './device-tokens.contract'
import { fastTrackRewardsContract } from './fast-track-rewards.contract'
import { dueClocksContract } from './due-clocks.contract'
import { housekeepingContract } from './housekeeping.contract'
import { industryChangeContract } from './industry-change.contract'
import { letterDeliveriesContract } from './letter-deliveries.contract'
import { exportFilesContract } from './export-files.contract'
import { merchantRegistryContract } from './merchant-registry.contract'
import { notificationContactsContract } from './notification-contacts.contract'
import { outboxQueueContract } from './outbox-queue.contract'
import { staffBindingsContract } from './staff-bindings.contract'
import { storeContract } from './store.contract'
import { statsContract } from './stats.contract'
import { statsRankingContract } from './stats-ranking.contract'
import { statsRebuildContract } from './stats-rebuild.contract'
import { statsRepeatCountersContract } from './stats-repeat-counters.contract'
import { statsTagsContract } from './stats-tags.contract'
import { statsSiteLessContract } from './stats-site-less.contract'
import { subscriptionsContract } from './subscriptions.contract'
import { tagsContract } from './tags.contract'
import { uniquenessContract } from './uniqueness.contract'

/**
 * Every part of the store contract, for one adapter: a store file registers them all with one line
 * (pglite.store.test.ts, postgres.store.pgtest.ts, and the CloudBase document database's). `open`
 * hands back a fresh, empty store each call; the suites close what they open.
 */
export function storeContracts(adapterName: string, open: () => Promise<Store & StoreInspection>) {
  storeContract(adapterName, open)
  boardContract(adapterName, open)
  merchantRegistryContract(adapterName, open)
  notificationContactsContract(adapterName, open)
  deviceTokensContract(adapterName, open)
  outboxQueueContract(adapterName, open)
  deliveriesInboxContract(adapterName, open)
  subscriptionsContract(adapterName, open)
  clockStoreContract(adapterName, open)
  clockPauseContract(adapterName, open)
  dueClocksContract(adapterName, open)
  housekeepingContract(adapterName, open)
  uniquenessContract(adapterName, open)
  staffBindingsContract(adapterName, open)
  fastTrackRewardsContract(adapterName, open)
  consultationsContract(adapterName, open)
  industryChangeContract(adapterName, open)
  caseTransferContract(adapterName, open)
  statsContract(adapterName, open)
  statsRankingContract(adapterName, open)
  statsRebuildContract(adapterName, open)
  statsRepeatCountersContract(adapterName, open)
  statsTagsContract(adapterName, open)
  statsSiteLessContract(adapterName, open)
  callbacksContract(adapterName, open)
  tagsContract(adapterName, open)
  burstAlertsContract(adapterName, open)
  letterDeliveriesContract(adapterName, open)
  exportFilesContract(adapterName, open)
}
