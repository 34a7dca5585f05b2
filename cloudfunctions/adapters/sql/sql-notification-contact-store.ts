import type { Kysely, Selectable } from 'kysely'
import {
  ContactChangeSchema,
  NotificationContactSchema,
  type ContactChange,
  type ContactScope,
  type NotificationContact,
} from '../../../src/domain/notify/contact.schema'
import type { NotificationContactStore } from '../../ports/notification-contacts'
import type { Vault } from '../../ports/system'
import type { Database, NotificationContactChangesTable, NotificationContactsTable } from './database'

const iso = (value: Date | string): string => new Date(value).toISOString()
const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value)

/** A scope as two columns, so "this site's, this area's, the deployment's" is one indexed lookup. */
const scopeColumns = (scope: ContactScope) =>
  scope.kind === 'site'
    ? { scope_kind: 'site', scope_id: scope.siteId }
    : scope.kind === 'area'
      ? { scope_kind: 'area', scope_id: scope.areaId }
      : { scope_kind: 'default', scope_id: '' }

const scopeOf = (kind: string, id: string): unknown =>
  kind === 'site' ? { kind, siteId: id } : kind === 'area' ? { kind, areaId: id } : { kind }

const toChange = (r: Selectable<NotificationContactChangesTable>): ContactChange =>
  ContactChangeSchema.parse({
    id: r.id,
    contactId: r.contact_id,
    scope: scopeOf(r.scope_kind, r.scope_id),
    change: r.change,
    by: { role: r.by_role, id: r.by_id },
    at: iso(r.at),
  })

const changeToRow = (c: ContactChange) => ({
  id: c.id,
  contact_id: c.contactId,
  ...scopeColumns(c.scope),
  change: c.change,
  by_role: c.by.role,
  by_id: c.by.id,
  at: c.at,
})

/** The target (a robot key: a credential; a phone: personal data) is sealed before it reaches a column. */
export function sqlNotificationContactStore(db: Kysely<Database>, vault: Vault): NotificationContactStore {
  const toContact = (r: Selectable<NotificationContactsTable>): NotificationContact =>
    NotificationContactSchema.parse({
      id: r.id,
      scope: scopeOf(r.scope_kind, r.scope_id),
      label: r.label,
      roles: json(r.roles),
      events: json(r.events),
      channel: r.channel,
      target: vault.open(r.target_sealed),
      updatedBy: r.updated_by,
      updatedAt: iso(r.updated_at),
    })
  const byLabel = (rows: Selectable<NotificationContactsTable>[]) =>
    rows.map(toContact).sort((a, b) => a.label.localeCompare(b.label, 'zh') || a.id.localeCompare(b.id))

  return {
    async listContactsFor(siteId, areaId) {
      const rows = await db
        .selectFrom('notification_contacts')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb.and([eb('scope_kind', '=', 'site'), eb('scope_id', '=', siteId)]),
            ...(areaId === null ? [] : [eb.and([eb('scope_kind', '=', 'area'), eb('scope_id', '=', areaId)])]),
            eb('scope_kind', '=', 'default'),
          ]),
        )
        .execute()
      return byLabel(rows)
    },
    async listContactsAt(scope) {
      const { scope_kind, scope_id } = scopeColumns(scope)
      const rows = await db
        .selectFrom('notification_contacts')
        .selectAll()
        .where('scope_kind', '=', scope_kind)
        .where('scope_id', '=', scope_id)
        .execute()
      return byLabel(rows)
    },
    async getContact(id) {
      const row = await db.selectFrom('notification_contacts').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? toContact(row) : null
    },
    async saveContact(contact, change) {
      const row = {
        id: contact.id,
        ...scopeColumns(contact.scope),
        label: contact.label,
        roles: JSON.stringify(contact.roles),
        events: JSON.stringify(contact.events),
        channel: contact.channel,
        target_sealed: vault.seal(contact.target),
        updated_by: contact.updatedBy,
        updated_at: contact.updatedAt,
      }
      const { id: _id, ...changes } = row
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('notification_contacts')
          .values(row)
          .onConflict((oc) => oc.column('id').doUpdateSet(changes))
          .execute()
        await trx.insertInto('notification_contact_changes').values(changeToRow(change)).execute()
      })
    },
    async deleteContact(id, change) {
      return db.transaction().execute(async (trx) => {
        const gone = await trx.deleteFrom('notification_contacts').where('id', '=', id).executeTakeFirst()
        if (Number(gone.numDeletedRows) === 0) return false
        await trx.insertInto('notification_contact_changes').values(changeToRow(change)).execute()
        return true
      })
    },
    async listContactChanges(contactId) {
      const rows = await db
        .selectFrom('notification_contact_changes')
        .selectAll()
        .where('contact_id', '=', contactId)
        .orderBy('at')
        .orderBy('id')
        .execute()
      return rows.map(toChange)
    },
  }
}
