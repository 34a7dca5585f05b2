import { sql, type Kysely } from 'kysely'
import { z } from 'zod'
import { CaseTagsSchema, TagSchema } from '../../../src/domain/tags/tag.schema'
import type { TagStore } from '../../ports/tag-store'
import type { Database } from './database'
import { markStatsPendingIn } from './sql-stats-store'

// 标签 on SQL (migration 0025): the tags table, and case_tags keyed by the case (GIN on confirmed).
// Confirmed tags are a statistics dimension (cubes.ts month_tag): confirming marks the case pending in
// the same transaction, so the next refresh moves it between tag rows (a proposal counts nowhere).
const iso = (v: Date | string) => new Date(v).toISOString()
const isoOrNull = (v: Date | string | null) => (v === null ? null : iso(v))

const TagRow = z
  .object({
    id: z.string(),
    name: z.string(),
    phrases: z.array(z.string()),
    active: z.boolean(),
    position: z.number(),
    updated_at: z.union([z.date(), z.string()]),
    updated_by: z.string(),
  })
  .transform((r) => TagSchema.parse({ ...r, updatedAt: iso(r.updated_at), updatedBy: r.updated_by }))

const CaseTagsRow = z
  .object({
    case_id: z.string(),
    proposed: z.array(z.string()),
    confirmed: z.array(z.string()).nullable(),
    confirmed_by: z.string().nullable(),
    confirmed_at: z.union([z.date(), z.string()]).nullable(),
  })
  .transform((r) =>
    CaseTagsSchema.parse({
      caseId: r.case_id,
      proposed: r.proposed,
      confirmed: r.confirmed,
      confirmedBy: r.confirmed_by,
      confirmedAt: isoOrNull(r.confirmed_at),
    }),
  )

export function sqlTagStore(db: Kysely<Database>): TagStore {
  return {
    async listTags() {
      const { rows } = await sql`select * from tags order by position, id`.execute(db)
      return rows.map((r) => TagRow.parse(r))
    },
    async saveTag(t) {
      await sql`insert into tags (id, name, phrases, active, position, updated_at, updated_by)
        values (${t.id}, ${t.name}, ${[...t.phrases]}::text[], ${t.active}, ${t.position}, ${t.updatedAt}::timestamptz, ${t.updatedBy})
        on conflict (id) do update set name = excluded.name, phrases = excluded.phrases, active = excluded.active,
          position = excluded.position, updated_at = excluded.updated_at, updated_by = excluded.updated_by`.execute(db)
    },
    async getCaseTags(caseId) {
      const { rows } = await sql`select * from case_tags where case_id = ${caseId}`.execute(db)
      return rows[0] ? CaseTagsRow.parse(rows[0]) : null
    },
    async proposeCaseTags(caseId, proposed) {
      await sql`insert into case_tags (case_id, proposed) values (${caseId}, ${[...proposed]}::text[])
        on conflict (case_id) do nothing`.execute(db)
    },
    confirmCaseTags: (r) =>
      db.transaction().execute(async (trx) => {
        await sql`insert into case_tags (case_id, proposed, confirmed, confirmed_by, confirmed_at)
        values (${r.caseId}, ${[...r.proposed]}::text[], ${r.confirmed ? [...r.confirmed] : null}::text[], ${r.confirmedBy},
          ${r.confirmedAt}::timestamptz)
        on conflict (case_id) do update set confirmed = excluded.confirmed, confirmed_by = excluded.confirmed_by,
          confirmed_at = excluded.confirmed_at`.execute(trx)
        await markStatsPendingIn(trx, [r.caseId])
      }),
  }
}
