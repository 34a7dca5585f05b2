import { AsyncLocalStorage } from 'node:async_hooks'
import type { DatabaseConnection, Dialect, Driver } from 'kysely'

// How many times an operation talks to the database. On PostgreSQL every statement, BEGIN and
// COMMIT is one network round trip (the pg driver sends no pipelines); on PGlite it is one call into
// the engine, queued behind everyone else's on its single connection. Either way it is the number
// that grows with a store that answers over HTTP (CloudBase), and it is deterministic: a test may
// assert it where it may not assert a time.

/** What one counted operation sent to the database. */
export interface RoundTrips {
  /** every statement, BEGIN, COMMIT and ROLLBACK: each is one round trip */
  total: number
  /** statements sent outside a transaction (each one queues on its own for a connection) */
  outsideTransaction: number
  transactions: number
  /** the SQL text of each statement, in order (BEGIN/COMMIT/ROLLBACK as words) */
  statements: string[]
  /** how long each statement took from sending to its answer, ms (same order; a bench's breakdown, never a test's) */
  elapsedMs: number[]
}

const current = new AsyncLocalStorage<RoundTrips>()

/**
 * Run `operation` and count what it (and everything it awaits) sends to a database opened through
 * `countingDialect`. Concurrent operations each count their own: the tally travels with the async
 * context, not a global. Costs one lookup per statement when nobody counts.
 */
export async function countRoundTrips<T>(operation: () => Promise<T>): Promise<{ result: T; trips: RoundTrips }> {
  const trips = noRoundTrips()
  const result = await current.run(trips, operation)
  return { result, trips }
}

/**
 * Count what `step` and its continuations send into `trips` — for frameworks that hand over control
 * with a callback (a Fastify onRequest hook's `done`), where countRoundTrips cannot wrap a promise.
 */
export function countInto(trips: RoundTrips, step: () => void): void {
  current.run(trips, step)
}

export const noRoundTrips = (): RoundTrips => ({ total: 0, outsideTransaction: 0, transactions: 0, statements: [], elapsedMs: [] })

const open = new WeakSet<DatabaseConnection>() // connections inside BEGIN … COMMIT
const controlling = new WeakSet<DatabaseConnection>() // a BEGIN/COMMIT the driver sends as a query: counted once

/** Count one round trip for whoever counts; hands back a function that records when its answer came. */
function note(connection: DatabaseConnection | null, statement: string): () => void {
  const trips = current.getStore()
  if (!trips) return () => {}
  trips.total++
  trips.statements.push(statement)
  if (connection && !open.has(connection)) trips.outsideTransaction++
  const at = trips.elapsedMs.push(0) - 1
  const t0 = performance.now()
  return () => {
    trips.elapsedMs[at] = performance.now() - t0
  }
}

function counted(connection: DatabaseConnection): DatabaseConnection {
  if ((connection as { __counted?: true }).__counted) return connection
  const executeQuery = connection.executeQuery.bind(connection)
  // patched in place, as Kysely's own query log does: the driver is handed back the same object
  connection.executeQuery = async (query, options) => {
    const done = controlling.has(connection) ? () => {} : note(connection, query.sql)
    try {
      return await executeQuery(query, options)
    } finally {
      done()
    }
  }
  Object.defineProperty(connection, '__counted', { value: true })
  return connection
}

function countingDriver(inner: Driver): Driver {
  const control = async (connection: DatabaseConnection, word: string, step: () => Promise<void>) => {
    const done = note(null, word)
    controlling.add(connection)
    try {
      await step()
    } finally {
      controlling.delete(connection)
      done()
    }
  }
  return {
    init: (options) => inner.init(options),
    acquireConnection: async (options) => counted(await inner.acquireConnection(options)),
    releaseConnection: (connection, options) => inner.releaseConnection(connection, options),
    async beginTransaction(connection, settings) {
      const trips = current.getStore()
      if (trips) trips.transactions++
      await control(connection, 'BEGIN', () => inner.beginTransaction(connection, settings))
      open.add(connection)
    },
    async commitTransaction(connection) {
      open.delete(connection)
      await control(connection, 'COMMIT', () => inner.commitTransaction(connection))
    },
    async rollbackTransaction(connection) {
      open.delete(connection)
      await control(connection, 'ROLLBACK', () => inner.rollbackTransaction(connection))
    },
    savepoint: inner.savepoint?.bind(inner),
    rollbackToSavepoint: inner.rollbackToSavepoint?.bind(inner),
    releaseSavepoint: inner.releaseSavepoint?.bind(inner),
    destroy: () => inner.destroy(),
  }
}

/** The same dialect, with every round trip counted for whoever runs inside countRoundTrips. */
export function countingDialect(inner: Dialect): Dialect {
  return {
    createDriver: () => countingDriver(inner.createDriver()),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createAdapter: () => inner.createAdapter(),
    createIntrospector: (db) => inner.createIntrospector(db),
  }
}
