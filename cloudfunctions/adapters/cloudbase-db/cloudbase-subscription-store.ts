import { z } from 'zod'
import type { NotificationStore } from '../../ports/notification-store'
import { COLLECTIONS } from './collection-names'
import { compoundId } from './doc-codec'
import { isDuplicate, ok, type DocDb } from './doc-db'
import { readAll, readDoc } from './doc-reads'

// Who hears about a shop's cases, and how many WeChat subscribe messages a person still allows, on
// the document database (the SQL store: sql-notification-store.ts). One document per person and slot,
// _id = compoundId(subject, slot), holding `remaining`. Every change is one atomic operation on it,
// so concurrent dispatchers need no transaction: an accept is `remaining: _.inc(n)` (the document is
// inserted first if absent), a send is the conditional update
// where({ _id, remaining: _.gt(0) }).update({ remaining: _.inc(-1) }), which the database applies only
// while something is left — never below zero, however many race.
//
// Indexes: subscriptions none (read by _id only); memberships (merchantId, …) is DOC-DIRECTORY's
// (membership-docs.ts), listActiveMemberSubjects filters on merchantId and status.

type SubscriptionPart = Pick<
  NotificationStore,
  'listActiveMemberSubjects' | 'addSubscriptionAccepts' | 'remainingSubscriptionSends' | 'useSubscriptionSend' | 'clearSubscriptionSends'
>

const SendsLeft = z.object({ remaining: z.number().int() })
const MemberSubject = z.object({ subject: z.string() })

/** Inserting one person's count and failing at most this often before the update finds it there. */
const INSERT_RACES = 3

export function cloudbaseSubscriptionStore(db: DocDb): SubscriptionPart {
  const _ = db.command
  const subscriptions = () => db.collection(COLLECTIONS.subscriptions)
  const idOf = (subject: string, slot: string) => compoundId(subject, slot)

  /** n more sends of one slot: an increment, or the first document; a racing first insert means increment. */
  const addSends = async (subject: string, slot: string, n: number) => {
    for (let race = 0; ; race++) {
      const r = ok(
        await subscriptions()
          .doc(idOf(subject, slot))
          .update({ remaining: _.inc(n) }),
      )
      if (Number(r.updated) === 1) return
      try {
        ok(await subscriptions().add({ _id: idOf(subject, slot), subject, slot, remaining: n }))
        return
      } catch (err) {
        if (!isDuplicate(err) || race + 1 >= INSERT_RACES) throw err // someone inserted it meanwhile: increment theirs
      }
    }
  }

  return {
    async listActiveMemberSubjects(merchantId) {
      const docs = await readAll(db.collection(COLLECTIONS.memberships).where({ merchantId, status: 'active' }).orderBy('_id', 'asc'))
      return docs.map((d) => MemberSubject.parse(d).subject).sort()
    },

    async addSubscriptionAccepts(subject, slots) {
      const perSlot = new Map<string, number>()
      for (const slot of slots) perSlot.set(slot, (perSlot.get(slot) ?? 0) + 1)
      for (const [slot, n] of perSlot) await addSends(subject, slot, n)
    },

    async remainingSubscriptionSends(subject, slot) {
      const doc = await readDoc(subscriptions().doc(idOf(subject, slot)))
      return doc ? SendsLeft.parse(doc).remaining : 0
    },

    async useSubscriptionSend(subject, slot) {
      const r = ok(
        await subscriptions()
          .where({ _id: idOf(subject, slot), remaining: _.gt(0) })
          .update({ remaining: _.inc(-1) }),
      )
      return Number(r.updated) === 1
    },

    async clearSubscriptionSends(subject, slot) {
      ok(await subscriptions().doc(idOf(subject, slot)).update({ remaining: 0 })) // none recorded: nothing to clear
    },
  }
}
