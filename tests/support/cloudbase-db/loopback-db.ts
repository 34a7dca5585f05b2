import type { Doc } from './bson-values'
import { handleDatabaseAction } from './db-actions'
import { DocEngine } from './doc-engine'

// The document-database half of the CloudBase loopback (tests/support/cloudbase-loopback.ts routes
// every `database.*` action here). Tests look inside collections, count round trips and inject faults.

export interface DbFault {
  code: string
  message: string
  /** true: the action takes effect and only then answers the error (a lost reply); default: it is refused */
  after?: boolean
}

export interface LoopbackDb {
  engine: DocEngine
  /** action → how many times it was called (faulted calls included) */
  calls: Map<string, number>
  /** action → the error its next call answers (once) */
  faults: Map<string, DbFault>
  /** the committed documents of a collection, natural order */
  docs(collection: string): Doc[]
  /** every collection emptied, open transactions dropped, counters reset */
  reset(): void
  handle(action: string, body: Record<string, unknown>): Record<string, unknown>
}

export function createLoopbackDb(env: string): LoopbackDb {
  const engine = new DocEngine(env)
  const calls = new Map<string, number>()
  const faults = new Map<string, DbFault>()
  return {
    engine,
    calls,
    faults,
    docs: (collection) => engine.docs(collection),
    reset() {
      engine.clear()
      calls.clear()
      faults.clear()
    },
    handle(action, body) {
      calls.set(action, (calls.get(action) ?? 0) + 1)
      const fault = faults.get(action)
      if (fault) faults.delete(action)
      if (fault && !fault.after) return { code: fault.code, message: fault.message }
      const answer = handleDatabaseAction(engine, action, body)
      return fault ? { code: fault.code, message: fault.message } : answer
    },
  }
}
