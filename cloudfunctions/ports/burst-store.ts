import type { OutboxMessage } from '../../src/domain/case.schema'
import type { BurstAlert, GroupAction } from '../../src/domain/similarity/burst-alert.schema'
import type { BurstSettings } from '../../src/domain/similarity/burst-settings'
import type { CaseScoringStore } from './case-scoring-store'

// 突发消费事件 alerts (docs/bursts-and-similar-cases.md, migration 0023). Each write that sends
// something writes its outbox rows in the same transaction, so an alert is told exactly when it is
// stored and a group message is queued exactly when it is recorded. The burst pass after each tick
// (services/bursts/burst-pass.ts) reads the cases filed since its watermark, scored without personal data.
export interface BurstStore extends CaseScoringStore {
  /** Where the last burst pass got to (cases filed up to it were checked), or null before the first. */
  burstWatermark(): Promise<string | null>
  /** Move the watermark; it never moves back (two hosts' passes may finish out of order). */
  setBurstWatermark(at: string): Promise<void>
  /** Store the alert and queue its messages, together; false (nothing written) when (key, windowStart) exists. */
  createBurstAlert(alert: BurstAlert, outbox: readonly OutboxMessage[]): Promise<boolean>
  /** The alert of this key with the latest window, or null. */
  latestBurstAlert(key: string): Promise<BurstAlert | null>
  getBurstAlert(id: string): Promise<BurstAlert | null>
  /** The site's alerts, newest window first, at most `limit`. */
  listBurstAlerts(siteId: string, limit: number): Promise<BurstAlert[]>
  /** Record the group message and queue its rows, only if none was recorded yet; false otherwise (nothing queued). */
  recordBurstMessage(id: string, action: GroupAction, outbox: readonly OutboxMessage[]): Promise<boolean>
  /** Record the group mediation, only if none was recorded yet; false otherwise. */
  recordBurstMediation(id: string, action: GroupAction): Promise<boolean>
  /** The site's own K and window, or null when it never saved one (the default then holds). */
  getBurstSettings(siteId: string): Promise<BurstSettings | null>
  /** Save (replace) the site's K and window. */
  saveBurstSettings(settings: BurstSettings): Promise<void>
}
