import { parseTemplateKey } from '../../../src/domain/notify/template-keys'
import type { OutboxItem } from '../../ports/notification-store'

/**
 * The event part of a row's delivery keys. A step's messages are keyed by their event (a restart
 * never sends one twice). A burst row (burst alert, group message) borrows an event of its case for
 * the queue, and that event may already have told the same recipient something: keyed by the event
 * alone, the burst message would count as delivered and vanish. Its own row id keeps it apart.
 */
export const deliveryEventId = (row: Pick<OutboxItem, 'id' | 'eventId' | 'template'>): string =>
  parseTemplateKey(row.template)?.kind === 'burst' ? `${row.eventId}#${row.id}` : row.eventId
