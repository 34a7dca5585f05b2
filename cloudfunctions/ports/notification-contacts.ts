import type { ContactChange, ContactScope, NotificationContact } from '../../src/domain/notify/contact.schema'

export type { ContactChange, ContactScope, NotificationContact } from '../../src/domain/notify/contact.schema'

// Notification contacts as data (src/domain/notify/contact.schema.ts): stored per site, per
// regulator area, or for the whole deployment. Targets (robot keys, phone numbers) are secrets: an
// adapter seals them at rest; what it hands back is whole, and the services mask it for clients.
export interface NotificationContactStore {
  /** Every contact that can apply to a case at this site: the site's own, its area's (when it has one), the deployment's. */
  listContactsFor(siteId: string, areaId: string | null): Promise<NotificationContact[]>
  /** The contacts stored at exactly this scope, by label. */
  listContactsAt(scope: ContactScope): Promise<NotificationContact[]>
  getContact(id: string): Promise<NotificationContact | null>
  /** Insert or replace by id, and record the change, together. */
  saveContact(contact: NotificationContact, change: ContactChange): Promise<void>
  /** Remove and record the change, together; false (and nothing recorded) when there was none. */
  deleteContact(id: string, change: ContactChange): Promise<boolean>
  /** Who changed a contact and when, oldest first. */
  listContactChanges(contactId: string): Promise<ContactChange[]>
}
