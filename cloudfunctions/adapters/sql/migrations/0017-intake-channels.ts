import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Issue 17.5: every way a case arrives (src/domain/intake-channel.ts). The channel column is text
// already, so the new channels (hotline_12345, phone, walk_in) need no change to it. What is new is
// when the case was received: a 12345 hand-over is typed after it came in, and every clock starts at
// the hand-over's time. Cases filed before this migration were received when they were filed.
// (A transfer within the system moves the case by rewriting site_id in applyChange: no new column.)
export const intakeChannels: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table cases add column received_at timestamptz`.execute(db)
    await sql`update cases set received_at = created_at where received_at is null`.execute(db)
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table cases drop column received_at`.execute(db)
  },
}
