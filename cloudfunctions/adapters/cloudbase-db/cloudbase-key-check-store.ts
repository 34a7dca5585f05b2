import type { KeyCheckStore } from '../../ports/store'
import { COLLECTIONS } from './collection-names'
import { utc } from './doc-codec'
import { isDuplicate, ok, type DocDb } from './doc-db'
import { readDoc } from './doc-reads'

// Check values of the host's keys: key_checks/{name} = { checkValue, createdAt }. Read by _id only.
export function cloudbaseKeyCheckStore(db: DocDb): KeyCheckStore {
  const checks = () => db.collection(COLLECTIONS.keyChecks)
  return {
    async keepKeyCheck(name, checkValue, at) {
      // insert-if-absent by _id: the first host to start records it; every later one (and this one,
      // racing another) gets the duplicate and reads back what was recorded
      try {
        ok(await checks().add({ _id: name, checkValue, createdAt: utc(at) }))
      } catch (err) {
        if (!isDuplicate(err)) throw err
      }
      const doc = await readDoc(checks().doc(name))
      if (typeof doc?.checkValue !== 'string') throw new Error(`key check ${name} is missing or malformed`)
      return doc.checkValue
    },
  }
}
