import { sql, type Insertable, type Kysely, type RawBuilder, type Selectable } from 'kysely'
import type { CasesTable, Database } from './database'
import type { tallyDeltaWrite } from './sql-merchant-counters'
import { statsMarkCte } from './sql-stats-store'

// A filing as ONE statement: the case, its first event, its notifications, its clocks, the claim on
// its files and the shop's counters, as data-modifying CTEs. Every part after the case is written
// only if the case went in (`where exists (select 1 from filed)`), so a key already used writes
// nothing and answers no row. Foreign keys between the parts (event → case, outbox → event) are
// checked at the end of the statement, when all of them are in.
//
// Why not a statement per part: on PGlite every statement queues on the one connection behind
// everyone else's, on PostgreSQL each is a network round trip, and the CloudBase store to come pays
// an HTTP call for each. Before: 11 statements in the transaction. Now: the day's counter, then this.

type Row = Record<string, unknown>

const columnsOf = (row: Row) => Object.entries(row).filter(([, v]) => v !== undefined)

/**
 * `name as (insert into table (…) select $1, $2, … where the case went in)`. In INSERT … SELECT the
 * parameters take their types from the target columns, as in VALUES (PostgreSQL leaves the select
 * list's unknowns unresolved for the insert to coerce).
 */
function insertIfFiled(name: string, table: keyof Database, row: Row): RawBuilder<unknown> {
  const cols = columnsOf(row)
  return sql`${sql.id(name)} as (insert into ${sql.table(table)} (${sql.join(cols.map(([k]) => sql.id(k)))})
    select ${sql.join(cols.map(([, v]) => sql`${v}`))} where exists (select 1 from filed))`
}

export interface FilingRows {
  caseRow: Insertable<CasesTable>
  eventRow: Row
  outboxRows: Row[]
  clockRows: Row[]
  claim: { ids: string[]; uploadedBy: string }
  /** the shop's counters move (null: they do not, e.g. a report) */
  tally: ReturnType<typeof tallyDeltaWrite>
}

export type FiledRow = Selectable<CasesTable> & { claimed_count: number | string | bigint; created: boolean }

/**
 * Send the filing. Answers the new row (created), or — when the key (filed_by, idempotency_key) was
 * used by a filing this statement can see — that filing's row (not created), or null when the key
 * was taken by one that committed while this statement waited on it (the caller reads it then).
 */
export async function fileInOneStatement(db: Kysely<Database>, rows: FilingRows): Promise<FiledRow | null> {
  const caseCols = columnsOf(rows.caseRow)
  const parts: RawBuilder<unknown>[] = [
    sql`filed as (insert into cases (${sql.join(caseCols.map(([k]) => sql.id(k)))}) values (${sql.join(caseCols.map(([, v]) => sql`${v}`))})
      on conflict (filed_by, idempotency_key) do nothing returning *)`,
    insertIfFiled('first_event', 'case_events', rows.eventRow),
    ...rows.outboxRows.map((row, i) => insertIfFiled(`outbox_${i}`, 'outbox', row)),
    ...rows.clockRows.map((row, i) => insertIfFiled(`clock_${i}`, 'case_clocks', row)),
    statsMarkCte(rows.caseRow.id, 'filed'), // the statistics count the new case at the next refresh
  ]
  const ids = [...new Set(rows.claim.ids)]
  if (ids.length > 0)
    // only files this person uploaded that no case owns yet; the caller compares the count
    parts.push(sql`claimed as (update evidence set case_id = ${rows.caseRow.id}
      where id in (${sql.join(ids)}) and uploaded_by = ${rows.claim.uploadedBy} and case_id is null
      and exists (select 1 from filed) returning id)`)
  // not gated: when the key was used the caller rolls the whole transaction back
  if (rows.tally) parts.push(sql`tally as (${rows.tally})`)
  const claimed = ids.length > 0 ? sql`(select count(*) from claimed)` : sql`0`
  const earlier = sql`select cases.*, 0 as claimed_count, false as created from cases
    where filed_by = ${rows.caseRow.filed_by} and idempotency_key = ${rows.caseRow.idempotency_key} and not exists (select 1 from filed)`
  const result = await sql<FiledRow>`with ${sql.join(parts)}
    select filed.*, ${claimed} as claimed_count, true as created from filed union all ${earlier}`.execute(db)
  return result.rows[0] ?? null
}
