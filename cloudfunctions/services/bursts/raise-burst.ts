import type { OutboxMessage } from '../../../src/domain/case.schema'
import { burstKey } from '../../../src/domain/notify/template-keys'
import type { BurstFinding } from '../../../src/domain/similarity/burst'
import type { ScoringCase } from '../../../src/domain/similarity/scoring-case'
import type { Deps } from '../context'

// Raising one finding of the burst pass (burst-pass.ts, docs/bursts-and-similar-cases.md): the alert and
// its two outbox rows in one write. (key, window start) is unique in the store, so a finding raised
// twice (two hosts' passes, a re-checked case) is stored and told once.

/** The alert goes to the site's station and to the regulator of the site, and from there wherever contacts copy escalations (WeCom). */
const AUDIENCE = ['station', 'regulator'] as const

/** Store the alert and queue its messages; false when its window had its alert already. */
export async function raiseFinding(deps: Deps, trigger: ScoringCase, finding: BurstFinding): Promise<boolean> {
  // the rows need an event of their case: the trigger's filing (delivery-event.ts keys burst rows apart from it)
  const [filing] = await deps.store.listEvents(trigger.id)
  if (!filing) return false
  const at = deps.clock.now().toISOString()
  const outbox: OutboxMessage[] = AUDIENCE.map((role) => ({
    id: deps.ids.newId(),
    caseId: trigger.id,
    eventId: filing.id,
    recipient: { role, id: trigger.siteId },
    template: burstKey(role, finding.basis === 'baseline' ? 'surge' : 'alert'),
    createdAt: at,
  }))
  return deps.store.createBurstAlert(
    {
      id: deps.ids.newId(),
      siteId: trigger.siteId,
      key: finding.key,
      basis: finding.basis,
      subject: finding.basis === 'product' ? trigger.product : trigger.merchantName,
      windowStart: finding.windowStart,
      windowEnd: finding.windowEnd,
      caseIds: finding.caseIds,
      triggerCaseId: trigger.id,
      raisedAt: at,
      messaged: null,
      mediated: null,
    },
    outbox,
  )
}
