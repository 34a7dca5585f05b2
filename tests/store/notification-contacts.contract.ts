import type { ContactChange, NotificationContact } from '../../cloudfunctions/ports/notification-contacts'
import type { Store } from '../../cloudfunctions/ports/store'
import type { ContactScope } from '../../src/domain/notify/contact.schema'
import { aSite, unique } from '../support/builders'

/**
 * Notification contacts' part of the store contract: sites keep their area, contacts are found by
 * the scopes a case falls under, read back whole (the store seals, the services mask), and every
 * save and delete leaves a record. Run against every adapter, beside storeContract.
 */
export function notificationContactsContract(adapterName: string, open: () => Promise<Store>) {
  describe(`Notification contacts store contract — ${adapterName}`, () => {
    let store: Store
    beforeAll(async () => {
      store = await open()
    })
    afterAll(async () => {
      await store?.close()
    })

    const AT = '2026-03-10T02:00:00.000Z'
    const aContact = (scope: ContactScope, over: Partial<NotificationContact> = {}): NotificationContact => ({
      id: unique('contact'),
      scope,
      label: '值班群',
      roles: ['station', 'regulator'],
      events: ['overdue', 'escalation'],
      channel: 'wecom',
      target: `robot-${unique('key')}`.slice(0, 60),
      updatedBy: 'staff-1',
      updatedAt: AT,
      ...over,
    })
    const changeOf = (c: NotificationContact, change: ContactChange['change'], at = AT): ContactChange => ({
      id: unique('change'),
      contactId: c.id,
      scope: c.scope,
      change,
      by: { role: 'station', id: 'staff-1' },
      at,
    })
    const saved = async (c: NotificationContact) => {
      await store.saveContact(c, changeOf(c, 'saved'))
      return c
    }

    it('when a site is saved with an area, then it reads back with it; without one, none appears', async () => {
      const inArea = aSite({ areaId: unique('area') })
      const loose = aSite()
      await store.saveSite(inArea)
      await store.saveSite(loose)
      expect(await store.getSite(inArea.id)).toEqual(inArea)
      expect(await store.getSite(loose.id)).not.toHaveProperty('areaId')
      await store.saveSite({ ...inArea, areaId: undefined })
      expect((await store.getSite(inArea.id))?.areaId).toBeUndefined()
    })

    it("when contacts are listed for a site, then its own, its area's and the deployment's come back, never another site's or area's", async () => {
      const siteId = unique('site')
      const areaId = unique('area')
      const own = await saved(aContact({ kind: 'site', siteId }, { label: '本站群' }))
      const area = await saved(aContact({ kind: 'area', areaId }, { label: '辖区群', channel: 'sms', target: '13900001111' }))
      const everywhere = await saved(aContact({ kind: 'default' }, { label: '全局群' }))
      await saved(aContact({ kind: 'site', siteId: unique('site') }))
      await saved(aContact({ kind: 'area', areaId: unique('area') }))

      const forSite = await store.listContactsFor(siteId, areaId)
      expect(forSite).toEqual(expect.arrayContaining([own, area, everywhere]))
      expect(forSite.filter((c) => c.scope.kind !== 'default')).toHaveLength(2)
      const noArea = await store.listContactsFor(siteId, null)
      expect(noArea.filter((c) => c.scope.kind !== 'default')).toEqual([own])
      expect(await store.listContactsAt({ kind: 'area', areaId })).toEqual([area])
      expect(await store.listContactsAt({ kind: 'default' })).toContainEqual(everywhere)
      await store.deleteContact(everywhere.id, changeOf(everywhere, 'deleted')) // the deployment scope is shared by the suite
    })

    it('when a contact is saved again under its id, then it is replaced, and each save is recorded', async () => {
      const siteId = unique('site')
      const first = await saved(aContact({ kind: 'site', siteId }))
      const second = {
        ...first,
        label: '新群',
        events: ['new_case' as const],
        target: 'replacement-key-0001',
        updatedAt: '2026-03-11T02:00:00.000Z',
      }
      await store.saveContact(second, changeOf(second, 'saved', second.updatedAt))
      expect(await store.getContact(first.id)).toEqual(second)
      expect(await store.listContactsAt({ kind: 'site', siteId })).toEqual([second])
      expect((await store.listContactChanges(first.id)).map((c) => c.change)).toEqual(['saved', 'saved'])
    })

    it('when a contact is deleted, then it is gone and the deletion is recorded; deleting again changes and records nothing', async () => {
      const c = await saved(aContact({ kind: 'site', siteId: unique('site') }))
      const deletion = changeOf(c, 'deleted', '2026-03-12T02:00:00.000Z')
      expect(await store.deleteContact(c.id, deletion)).toBe(true)
      expect(await store.getContact(c.id)).toBeNull()
      expect(await store.deleteContact(c.id, { ...deletion, id: unique('change') })).toBe(false)
      const changes = await store.listContactChanges(c.id)
      expect(changes.map((x) => x.change)).toEqual(['saved', 'deleted'])
      expect(changes[1]).toEqual(deletion)
    })
  })
}
