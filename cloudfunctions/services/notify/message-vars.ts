import type { Case } from '../../../src/domain/case.schema'
import { STATUS_LABELS } from '../../../src/domain/labels'
import { parseTemplateKey } from '../../../src/domain/notify/template-keys'
import type { SubscribeVars } from '../../../src/domain/notify/subscribe-messages'
import type { OutboxItem } from '../../ports/notification-store'
import type { Deps } from '../context'

/**
 * The variables a message about this row may show: case number, shop, status, the step's note, and
 * for a clock card the deadline. Never the complainant: messages leave the system.
 */
export async function messageVars(deps: Deps, row: OutboxItem, c: Case): Promise<SubscribeVars> {
  const vars: SubscribeVars = { caseNo: c.caseNo, merchantName: c.merchantName, statusLabel: STATUS_LABELS[c.status], at: row.createdAt }
  const key = parseTemplateKey(row.template)
  if (key?.kind === 'clock') {
    const clock = (await deps.store.listClocksOfCase(c.id)).find((k) => k.clockId === key.clockId)
    if (clock) vars.dueAt = clock.dueAt
  } else if (key?.kind !== 'burst') {
    // a burst row hangs on the trigger's event for the queue's sake; that event's note is not its text
    const event = (await deps.store.listEvents(c.id)).find((e) => e.id === row.eventId)
    if (event?.note) vars.note = event.note
  }
  return vars
}
