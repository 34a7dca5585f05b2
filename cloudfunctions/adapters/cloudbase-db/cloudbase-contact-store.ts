import {
  ContactChangeSchema,
  NotificationContactSchema,
  type ContactChange,
  type ContactScope,
  type NotificationContact,
} from '../../../src/domain/notify/contact.schema'
import type { NotificationContactStore } from '../../ports/notification-contacts'
import type { Vault } from '../../ports/system'
import { COLLECTIONS } from './collection-names'
import { utc } from './doc-codec'
import { ok, type DocDb } from './doc-db'
import { type Doc, parseDoc, readAll, readDoc } from './doc-reads'
import { transact } from './transact'

// Notification contacts and the record of their changes. Indexes (cloudbase-resources.ts):
//   notification_contacts: scopeKind, scopeId (listContactsFor, listContactsAt)
//   notification_contact_changes: contactId, at, _id (listContactChanges)
// The scope is kept as two fields (scopeKind, scopeId), as the SQL store's two columns, so "this
// site's, this area's, the deployment's" is one indexed $or. The target (a robot key: a credential;
// a phone: personal data) is sealed with the vault before it reaches a document.

const scopeFields = (scope: ContactScope) =>
  scope.kind === 'site'
    ? { scopeKind: 'site', scopeId: scope.siteId }
    : scope.kind === 'area'
      ? { scopeKind: 'area', scopeId: scope.areaId }
      : { scopeKind: 'default', scopeId: '' }

const scopeOf = (doc: Doc): unknown =>
  doc.scopeKind === 'site'
    ? { kind: 'site', siteId: doc.scopeId }
    : doc.scopeKind === 'area'
      ? { kind: 'area', areaId: doc.scopeId }
      : { kind: doc.scopeKind }

const changeToDoc = (c: ContactChange) => ({
  contactId: c.contactId,
  ...scopeFields(c.scope),
  change: c.change,
  by: { role: c.by.role, id: c.by.id },
  at: utc(c.at),
})

const toChange = (doc: Doc): ContactChange => parseDoc(ContactChangeSchema, { ...doc, scope: scopeOf(doc) })

export function cloudbaseContactStore(db: DocDb, vault: Vault): NotificationContactStore {
  const contacts = () => db.collection(COLLECTIONS.contacts)
  const toContact = (doc: Doc): NotificationContact =>
    parseDoc(NotificationContactSchema, { ...doc, scope: scopeOf(doc), target: vault.open(String(doc.targetSealed)) })
  const byLabel = (docs: Doc[]) => docs.map(toContact).sort((a, b) => a.label.localeCompare(b.label, 'zh') || a.id.localeCompare(b.id))
  const contactToDoc = (c: NotificationContact) => ({
    ...scopeFields(c.scope),
    label: c.label,
    roles: c.roles,
    events: c.events,
    channel: c.channel,
    targetSealed: vault.seal(c.target),
    updatedBy: c.updatedBy,
    updatedAt: utc(c.updatedAt),
  })

  return {
    async listContactsFor(siteId, areaId) {
      const _ = db.command
      const scopes = [
        { scopeKind: 'site', scopeId: siteId },
        ...(areaId === null ? [] : [{ scopeKind: 'area', scopeId: areaId }]),
        { scopeKind: 'default' },
      ]
      return byLabel(await readAll(contacts().where(_.or(scopes)).orderBy('_id', 'asc')))
    },
    async listContactsAt(scope) {
      return byLabel(await readAll(contacts().where(scopeFields(scope)).orderBy('_id', 'asc')))
    },
    async getContact(id) {
      const doc = await readDoc(contacts().doc(id))
      return doc ? toContact(doc) : null
    },
    async saveContact(contact, change) {
      // the contact and the record of its change land together, or neither
      await transact(db, async (tx) => {
        ok(await tx.collection(COLLECTIONS.contacts).doc(contact.id).set(contactToDoc(contact)))
        ok(await tx.collection(COLLECTIONS.contactChanges).add({ _id: change.id, ...changeToDoc(change) }))
      })
    },
    async deleteContact(id, change) {
      return transact(db, async (tx) => {
        const ref = tx.collection(COLLECTIONS.contacts).doc(id)
        if (!(await readDoc(ref))) return false // none: nothing removed, nothing recorded
        ok(await ref.delete())
        ok(await tx.collection(COLLECTIONS.contactChanges).add({ _id: change.id, ...changeToDoc(change) }))
        return true
      })
    },
    async listContactChanges(contactId) {
      const docs = await readAll(db.collection(COLLECTIONS.contactChanges).where({ contactId }).orderBy('at', 'asc').orderBy('_id', 'asc'))
      return docs.map(toChange)
    },
  }
}
