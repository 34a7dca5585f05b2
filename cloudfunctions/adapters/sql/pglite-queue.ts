import type { DatabaseConnection, Dialect, DialectAdapter, Driver } from 'kysely'

// PGlite has one connection, and runs on this process's own thread: a statement is a call into
// WebAssembly that answers through promises alone, never through the event loop. Two consequences
// for a host with many requests in flight:
//
// - Kysely's lock for single-connection dialects wakes every waiter on each release (they all await
//   the same promise, one wins, the others wait again): with 50 requests queued, every statement costs
//   50 wake-ups. Here the connection goes to the longest waiter, and only to it.
// - A queue that hands over through promises only never lets the event loop run while it is not
//   empty: no new request is read, no finished response is sent until every queued statement has run.
//   Under load the host then serves in waves — all in flight finish together, after the whole wave.
//   Here a hand-over waits for the event loop's next turn (setImmediate) when others are waiting, so
//   requests are read and answered between two holders. A transaction holds the connection from
//   BEGIN to COMMIT, as before: its statements run back to back.

// taken when this module loads: a test that fakes timers later must not stop the database
const nextTurn: (next: () => void) => void = globalThis.setImmediate

/** A first-come, first-served lease of the one connection; `handOver` gives it to the next waiter. */
export function fifoLease(handOver: (next: () => void) => void = nextTurn) {
  const waiting: (() => void)[] = []
  let held = false
  return {
    acquire(): Promise<void> {
      if (!held) {
        held = true
        return Promise.resolve()
      }
      return new Promise<void>((resolve) => waiting.push(resolve))
    },
    release(): void {
      const next = waiting.shift()
      if (!next) held = false
      else handOver(next) // still held meanwhile: nobody arriving jumps the queue
    },
    get waiting() {
      return waiting.length
    },
  }
}

/** The same single-connection dialect with its connection leased first come, first served. */
export function queuedSingleConnection(inner: Dialect, lease = fifoLease()): Dialect {
  return {
    // Kysely adds its own lock only when the adapter says it has one connection: this lease replaces it
    createAdapter: (): DialectAdapter => Object.create(inner.createAdapter(), { supportsMultipleConnections: { value: true } }),
    createDriver: (): Driver => {
      const driver = inner.createDriver()
      return {
        init: (options) => driver.init(options),
        async acquireConnection(options): Promise<DatabaseConnection> {
          await lease.acquire()
          try {
            return await driver.acquireConnection(options)
          } catch (error) {
            lease.release()
            throw error
          }
        },
        async releaseConnection(connection, options) {
          try {
            await driver.releaseConnection(connection, options)
          } finally {
            lease.release()
          }
        },
        beginTransaction: (connection, settings) => driver.beginTransaction(connection, settings),
        commitTransaction: (connection) => driver.commitTransaction(connection),
        rollbackTransaction: (connection) => driver.rollbackTransaction(connection),
        savepoint: driver.savepoint?.bind(driver),
        rollbackToSavepoint: driver.rollbackToSavepoint?.bind(driver),
        releaseSavepoint: driver.releaseSavepoint?.bind(driver),
        destroy: (options) => driver.destroy(options),
      }
    },
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db) => inner.createIntrospector(db),
  }
}
