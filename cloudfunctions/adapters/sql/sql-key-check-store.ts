import type { Kysely } from 'kysely'
import type { KeyCheckStore } from '../../ports/store'
import type { Database } from './database'

export function sqlKeyCheckStore(db: Kysely<Database>): KeyCheckStore {
  return {
    async keepKeyCheck(name, checkValue, at) {
      // the first host to start records it; every later one (and this one, racing another) reads it back
      await db
        .insertInto('key_checks')
        .values({ name, check_value: checkValue, created_at: at })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute()
      const row = await db.selectFrom('key_checks').select('check_value').where('name', '=', name).executeTakeFirstOrThrow()
      return row.check_value
    },
  }
}
