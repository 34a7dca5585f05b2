import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Issue 12: tampering shows. Each event now commits to the case row it left behind (state_digest)
// and is signed with CHAIN_KEY (mac). Both stay null on the events written before: those still
// verify by their hash chain, and a verification says they predate the commitment.
export const eventSignatures: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('case_events').addColumn('state_digest', 'text').addColumn('mac', 'text').execute()
  },
}
