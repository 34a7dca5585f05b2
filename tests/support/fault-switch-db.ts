import { sql, type Kysely, type RawBuilder } from 'kysely'
import { connectSql, migrateToLatest } from '../../cloudfunctions/adapters/sql/connect'
import type { Database } from '../../cloudfunctions/adapters/sql/database'
import { createDatabase } from '../faults/fault-support'
import { pgliteTemplate } from './pglite-template'

// A real mid-transaction failure for the atomicity tests: the database itself raises on writes to a table
// while its name is in fault_switch. On PGlite under npm test, on a throwaway PostgreSQL database under
// jest.pg.config.js (KS_TEST_STORE=postgres).

export interface RawSqlDb {
  db: Kysely<Database>
  close(): Promise<void>
}

/** A migrated database of the suite's kind, its own: `name` names the PostgreSQL database. */
export async function openRawSqlDb(name: string): Promise<RawSqlDb> {
  if (process.env.KS_TEST_STORE === 'postgres') {
    const created = await createDatabase(process.env.TEST_DATABASE_URL ?? '', name)
    const db = await connectSql({ kind: 'postgres', url: created.url })
    await migrateToLatest(db)
    return {
      db,
      close: async () => {
        await db.destroy()
        await created.drop()
      },
    }
  }
  const db = await connectSql(pgliteTemplate())
  return { db, close: () => db.destroy() }
}

/** Triggers that raise on `on` into each table while it is switched on (`breakWrites`), until `healWrites`. */
export async function installFaultSwitch(
  db: Kysely<Database>,
  tables: readonly string[],
  on: 'insert or update' | 'update',
): Promise<void> {
  await sql`create table if not exists fault_switch (tbl text primary key)`.execute(db)
  await sql`create or replace function fail_when_switched() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from fault_switch where tbl = tg_table_name) then
        raise exception 'injected fault on %', tg_table_name;
      end if;
      return new;
    end $$`.execute(db)
  for (const table of tables)
    await sql`create trigger ${sql.raw(`fault_${table}`)} before ${sql.raw(on)} on ${sql.table(table)}
      for each row execute function fail_when_switched()`.execute(db)
}

export const breakWrites = (db: Kysely<Database>, table: string) =>
  sql`insert into fault_switch (tbl) values (${table}) on conflict do nothing`.execute(db)
export const healWrites = (db: Kysely<Database>) => sql`delete from fault_switch`.execute(db)

/** The `n` of a `select count(*) as n …` */
export const countOf = async (db: Kysely<Database>, query: RawBuilder<{ n: number }>) => Number((await query.execute(db)).rows[0].n)
