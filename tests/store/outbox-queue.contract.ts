import type { OutboxItem } from '../../cloudfunctions/ports/notification-store'
import type { Store } from '../../cloudfunctions/ports/store'
import type { OutboxMessage } from '../../src/domain/case.schema'
import { aCase, aMerchant, anOutboxMessage, aSite, aSubmittedEvent } from '../support/builders'

/**
 * The outbox as a queue (NotificationStore): claims with leases, renewal, retry, parking and
 * requeueing — what the dispatcher (services/notify/dispatch-outbox.ts) relies on to deliver each
 * row once even with two dispatchers running. A claim takes every due row of the store, so each
 * test opens a store of its own: the queue holds exactly the rows the test put in it.
 */
const NOW = '2026-03-10T06:00:00.000Z'
const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString()

const fresh = (m: OutboxMessage): OutboxItem => ({ ...m, status: 'pending', attempts: 0, nextAttemptAt: m.createdAt, lastError: null })
const idsOf = (rows: readonly { id: string }[]) => rows.map((r) => r.id)

export function outboxQueueContract(adapterName: string, open: () => Promise<Store>) {
  describe(`Outbox queue store contract — ${adapterName}`, () => {
    let store: Store
    beforeEach(async () => {
      store = await open()
    })
    afterEach(async () => {
      await store?.close()
    })

    /** One case whose filing queued a message due at each of these minutes from NOW. */
    const queue = async (...minutes: number[]) => {
      const site = aSite()
      const merchant = aMerchant(site)
      await store.saveSite(site)
      await store.saveMerchant(merchant)
      const c = aCase(merchant)
      const e = aSubmittedEvent(c)
      const messages = minutes.map((m) => ({ ...anOutboxMessage(c, e), createdAt: at(m) }))
      await store.createCase(c, e, messages, { ids: [], uploadedBy: c.filedBy })
      return messages
    }

    it('when rows are queued, then a claim takes the due ones earliest first, at most the limit, and none due later', async () => {
      const [early, middle, earliest, later] = await queue(-20, -10, -30, 5)
      expect(await store.claimDueOutbox(NOW, at(10), 2)).toEqual([fresh(earliest), fresh(early)])
      expect(await store.claimDueOutbox(NOW, at(10), 10)).toEqual([fresh(middle)]) // the first two are held
      expect(await store.claimDueOutbox(at(5), at(10), 10)).toEqual([fresh(later)]) // due at the instant itself
    })

    it('when a row is held, then another claimer skips it until its lease has run out, and then takes it', async () => {
      const [row] = await queue(-1)
      expect(idsOf(await store.claimDueOutbox(NOW, at(2), 10))).toEqual([row.id])
      expect(await store.claimDueOutbox(at(1), at(3), 10)).toEqual([])
      // the first dispatcher died: its row comes back to whoever claims after the lease
      expect(idsOf(await store.claimDueOutbox(at(3), at(5), 10))).toEqual([row.id])
    })

    it('when the holder renews its lease, then the row stays held; once another took it, the old holder cannot renew', async () => {
      const [row] = await queue(-1)
      await store.claimDueOutbox(NOW, at(2), 10)
      expect(await store.renewOutboxLease(row.id, at(2), at(4))).toBe(true)
      expect(await store.claimDueOutbox(at(3), at(5), 10)).toEqual([])
      expect(await store.renewOutboxLease(row.id, at(2), at(6))).toBe(false) // held as at(4) now: at(2) is nobody's
      // the holder stalled past at(4): a second dispatcher takes the row over
      expect(idsOf(await store.claimDueOutbox(at(5), at(7), 10))).toEqual([row.id])
      expect(await store.renewOutboxLease(row.id, at(4), at(9))).toBe(false)
      expect(await store.renewOutboxLease(row.id, at(7), at(9))).toBe(true)
    })

    it('when five dispatchers claim at once, then each row goes to exactly one of them', async () => {
      const rows = await queue(-10, -9, -8, -7, -6, -5, -4, -3, -2, -1)
      const claims = await Promise.all(Array.from({ length: 5 }, () => store.claimDueOutbox(NOW, at(2), 3)))
      const claimed = claims.flatMap(idsOf)
      expect(new Set(claimed).size).toBe(claimed.length)
      const rest = idsOf(await store.claimDueOutbox(NOW, at(2), 100)) // whatever a busy claimer left
      expect([...claimed, ...rest].sort()).toEqual(idsOf(rows).sort())
    })

    it('when a row is finished, then it is never claimed again and its lease cannot be renewed', async () => {
      const [row, other] = await queue(-2, -1)
      await store.claimDueOutbox(NOW, at(2), 10)
      await store.finishOutbox(row.id, NOW)
      expect(idsOf(await store.claimDueOutbox(at(1000), at(1002), 10))).toEqual([other.id])
      expect(await store.renewOutboxLease(row.id, at(2), at(4))).toBe(false)
    })

    it('when a delivery fails, then the row waits for its next attempt, counted, with its error, and no longer held', async () => {
      const [row] = await queue(-1)
      await store.claimDueOutbox(NOW, at(10), 10)
      await store.retryOutboxLater(row.id, 1, at(3), 'sms: TIMEOUT')
      expect(await store.claimDueOutbox(at(2), at(12), 10)).toEqual([])
      // at(3) is before the old lease's end: the retry released the hold
      expect(await store.claimDueOutbox(at(3), at(13), 10)).toEqual([
        { ...fresh(row), attempts: 1, nextAttemptAt: at(3), lastError: 'sms: TIMEOUT' },
      ])
    })

    it('when a row is parked, then it leaves the queue for the station list; requeued, it is due at once with no attempts', async () => {
      const [row, other, third] = await queue(-3, -2, -1)
      await store.claimDueOutbox(NOW, at(2), 10)
      await store.parkOutbox(row.id, 6, 'wecom: 93000')
      await store.parkOutbox(other.id, 2, 'TEMPLATE_MISSING')
      expect(await store.claimDueOutbox(at(1000), at(1002), 10)).toEqual([fresh(third)])
      const parked = await store.listParkedOutbox(100)
      expect(parked.find((p) => p.id === row.id)).toEqual({ ...fresh(row), status: 'parked', attempts: 6, lastError: 'wecom: 93000' })
      expect(idsOf(parked).sort()).toEqual([row.id, other.id].sort())
      expect(await store.listParkedOutbox(1)).toHaveLength(1)

      expect(await store.requeueOutbox(row.id, at(50))).toBe(true)
      expect(await store.requeueOutbox(row.id, at(50))).toBe(false) // not parked any more
      expect(await store.requeueOutbox(third.id, at(50))).toBe(false) // never was
      expect(idsOf(await store.listParkedOutbox(100))).toEqual([other.id])
      expect(await store.claimDueOutbox(at(49), at(51), 10)).toEqual([])
      expect(await store.claimDueOutbox(at(50), at(52), 10)).toEqual([
        expect.objectContaining({ id: row.id, status: 'pending', attempts: 0, nextAttemptAt: at(50) }),
      ])
    })
  })
}
