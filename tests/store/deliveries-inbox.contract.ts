import type { DeliveryKey } from '../../cloudfunctions/ports/notification-store'
import type { Store } from '../../cloudfunctions/ports/store'
import type { InboxEntry } from '../../src/domain/inbox.schema'
import { unique } from '../support/builders'

/**
 * What is delivered, and the in-app inbox (NotificationStore): a message goes to an address once
 * (the dispatcher's record survives its crash), an inbox entry lands with its record or not at all,
 * and each inbox is read, counted and marked as its owner's alone. Keys and recipients are unique
 * per test, so the tests share one store.
 */
const NOW = '2026-03-10T06:00:00.000Z'
const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString()

type Recipient = InboxEntry['recipient']

const aKey = (over: Partial<DeliveryKey> = {}): DeliveryKey => ({
  eventId: unique('event'),
  recipient: { role: 'merchant', id: unique('merchant') },
  channel: 'wechat',
  address: unique('openid'),
  ...over,
})
const sent = (outboxId: string) => ({ outboxId, status: 'sent' as const, detail: 'msgid-1', at: NOW })
const anEntry = (recipient: Recipient, over: Partial<InboxEntry> = {}): InboxEntry => ({
  id: unique('inbox'),
  recipient,
  caseId: unique('case'),
  template: 'merchant.submitted',
  title: '新投诉',
  body: '您有一件新投诉，请在 45 分钟内回应',
  createdAt: NOW,
  readAt: null,
  ...over,
})
const page = { limit: 50, offset: 0 }

export function deliveriesInboxContract(adapterName: string, open: () => Promise<Store>) {
  describe(`Deliveries and inbox store contract — ${adapterName}`, () => {
    let store: Store
    beforeAll(async () => {
      store = await open()
    })
    afterAll(async () => {
      await store?.close()
    })

    describe('deliveries', () => {
      it('when a delivery is recorded, then it is known, and recording it again is refused', async () => {
        const key = aKey()
        expect(await store.hasDelivery(key)).toBe(false)
        expect(await store.recordDelivery(key, sent('outbox-1'))).toBe(true)
        expect(await store.hasDelivery(key)).toBe(true)
        expect(await store.recordDelivery(key, { outboxId: 'outbox-2', status: 'failed', detail: 'x', at: at(1) })).toBe(false)
        expect(await store.hasDelivery({ ...key })).toBe(true)
      })

      it('when any part of the key differs, then it is another delivery', async () => {
        const key = aKey()
        await store.recordDelivery(key, sent('outbox-1'))
        const others: DeliveryKey[] = [
          { ...key, eventId: unique('event') },
          { ...key, recipient: { ...key.recipient, id: unique('merchant') } },
          { ...key, recipient: { ...key.recipient, role: 'station' } },
          { ...key, channel: 'sms' },
          { ...key, address: unique('openid') },
        ]
        for (const other of others) expect(await store.hasDelivery(other)).toBe(false)
        for (const other of others) expect(await store.recordDelivery(other, sent('outbox-1'))).toBe(true)
      })

      it('when five dispatchers record the same delivery at once, then exactly one records it', async () => {
        const key = aKey({ channel: 'wecom', address: 'robot-1' })
        const outcomes = await Promise.all(Array.from({ length: 5 }, (_, i) => store.recordDelivery(key, sent(`outbox-${i}`))))
        expect(outcomes.filter(Boolean)).toHaveLength(1)
      })
    })

    describe('inbox', () => {
      const recipient = (): Recipient => ({ role: 'consumer', id: unique('subject') })
      const inboxKey = (to: Recipient): DeliveryKey => aKey({ recipient: to, channel: 'inbox', address: '' })

      it('when a message is delivered to an inbox, then the entry and its record land together, and only the first time', async () => {
        const to = recipient()
        const key = inboxKey(to)
        const entry = anEntry(to)
        expect(await store.deliverToInbox(key, entry, 'outbox-1')).toBe(true)
        expect(await store.hasDelivery(key)).toBe(true)
        expect(await store.deliverToInbox(key, anEntry(to, { createdAt: at(1) }), 'outbox-1')).toBe(false)
        expect(await store.listInbox(to, page)).toEqual([entry])
      })

      it('when an inbox delivery was recorded already, then no entry is added', async () => {
        const to = recipient()
        const key = inboxKey(to)
        await store.recordDelivery(key, sent('outbox-1'))
        expect(await store.deliverToInbox(key, anEntry(to), 'outbox-1')).toBe(false)
        expect(await store.listInbox(to, page)).toEqual([])
      })

      it('when five dispatchers deliver the same message at once, then the inbox holds it once', async () => {
        const to = recipient()
        const key = inboxKey(to)
        const outcomes = await Promise.all(Array.from({ length: 5 }, () => store.deliverToInbox(key, anEntry(to), 'outbox-1')))
        expect(outcomes.filter(Boolean)).toHaveLength(1)
        expect(await store.listInbox(to, page)).toHaveLength(1)
        expect(await store.countUnreadInbox(to)).toBe(1)
      })

      it('when an inbox is listed, then it holds only its own entries, newest first, a page at a time', async () => {
        const to = recipient()
        const sameIdOtherRole: Recipient = { role: 'station', id: to.id }
        const entries = [2, 0, 1].map((m) => anEntry(to, { createdAt: at(m) }))
        for (const e of entries) await store.deliverToInbox(inboxKey(to), e, 'outbox-1')
        await store.deliverToInbox(inboxKey(sameIdOtherRole), anEntry(sameIdOtherRole), 'outbox-1')
        await store.deliverToInbox(inboxKey(recipient()), anEntry(recipient()), 'outbox-1')
        const [newest, oldest, middle] = entries
        expect(await store.listInbox(to, page)).toEqual([newest, middle, oldest])
        expect(await store.listInbox(to, { limit: 1, offset: 1 })).toEqual([middle])
        expect(await store.listInbox(recipient(), page)).toEqual([])
      })

      it('when entries are marked read, then only the owner’s unread ones change, once, and the unread count follows', async () => {
        const to = recipient()
        const someoneElse = recipient()
        const [a, b, c] = [0, 1, 2].map((m) => anEntry(to, { createdAt: at(m) }))
        const theirs = anEntry(someoneElse)
        for (const e of [a, b, c]) await store.deliverToInbox(inboxKey(to), e, 'outbox-1')
        await store.deliverToInbox(inboxKey(someoneElse), theirs, 'outbox-1')
        expect(await store.countUnreadInbox(to)).toBe(3)

        expect(await store.markInboxRead(to, [a.id, b.id, theirs.id, 'no-such-entry'], at(5))).toBe(2)
        expect(await store.markInboxRead(to, [a.id], at(6))).toBe(0) // already read: its first reading stays
        expect(await store.markInboxRead(to, [], at(6))).toBe(0)
        expect(await store.countUnreadInbox(to)).toBe(1)
        expect(await store.countUnreadInbox(someoneElse)).toBe(1)
        expect(await store.listInbox(to, page)).toEqual([c, { ...b, readAt: at(5) }, { ...a, readAt: at(5) }])
        expect(await store.listInbox(someoneElse, page)).toEqual([theirs])
        expect(await store.countUnreadInbox(recipient())).toBe(0)
      })
    })
  })
}
