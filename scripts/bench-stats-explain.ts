// BENCH_STATS_EXPLAIN=1 npx tsx scripts/bench-stats.ts: after timing a size, the regulator's questions run
// once more with auto_explain on (EXPLAIN ANALYZE of every statement, buffers included) into the server's
// log (with .ci/pg-cluster.sh: $TEST_PG_DIR/server.log), each after a `select 'bench-question: …'` marker:
// where the time of a question goes, statement by statement, on the bench's own world.
import { sql } from 'kysely'
import { Client } from 'pg'
import { connectSql } from '../cloudfunctions/adapters/sql/connect'
import { sqlStatsStore } from '../cloudfunctions/adapters/sql/sql-stats-store'
import { QUERIES } from './bench-stats-questions'

const SETTINGS = [
  "session_preload_libraries = 'auto_explain'",
  'auto_explain.log_min_duration = 0',
  'auto_explain.log_analyze = on',
  'auto_explain.log_buffers = on',
]

export async function explainRegulator(url: string, n: number) {
  const admin = new Client({ connectionString: url })
  await admin.connect()
  const name = (await admin.query<{ name: string }>('select current_database() as name')).rows[0].name
  try {
    for (const s of SETTINGS) await admin.query(`alter database ${name} set ${s}`)
    const db = await connectSql({ kind: 'postgres', url }) // new sessions: they load auto_explain
    try {
      const stats = sqlStatsStore(db)
      for (const [question, q] of QUERIES.filter(([q]) => q.startsWith('regulator'))) {
        await sql`select ${`bench-question: ${n} cases · ${question}`}`.execute(db)
        await q(stats)
      }
    } finally {
      await db.destroy()
    }
  } finally {
    await admin.query(`alter database ${name} reset all`)
    await admin.end()
  }
}
