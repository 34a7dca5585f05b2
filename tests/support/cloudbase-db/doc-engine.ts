import { randomBytes } from 'node:crypto'
import { bsonSize, clone, stringifyEJSON, type Doc } from './bson-values'
import { collectionMissing, DbError, duplicateWrite, requestFailed, transactionConflict, transactionGone } from './db-errors'

// Collections and transactions, with MongoDB's snapshot isolation (what CloudBase transactions are):
// - every committed write is a new version stamped with a logical clock; a transaction reads the
//   versions committed before it started, plus its own writes;
// - writes are invisible outside until commit; abort discards them;
// - first writer wins: writing a document that another open transaction wrote, or that anyone
//   committed after this transaction started, is a write conflict. The conflicting transaction is
//   aborted on the spot (MongoDB aborts it too) and everything it does afterwards, commit included,
//   answers DATABASE_TRANSACTION_CONFLICT;
// - a plain (non-transactional) write to a document an open transaction wrote wins, and dooms that
//   transaction the same way (real MongoDB makes the plain write wait instead; dooming keeps a test
//   that never commits from hanging, and the transaction sees the conflict either way).

/** MongoDB's cap is 16 MB; CloudBase's document database refuses a document over 512 KB */
export const MAX_DOC_BYTES = 512 * 1024

interface Version {
  ts: number
  doc: Doc | null
}

interface Txn {
  id: string
  startTs: number
  writes: Map<string, Map<string, Doc | null>>
  state: 'open' | 'conflicted'
}

export const idKey = (id: unknown) => stringifyEJSON({ id })

export class DocEngine {
  private clock = 0
  private readonly collections = new Map<string, Map<string, Version[]>>()
  private readonly txns = new Map<string, Txn>()
  private readonly locks = new Map<string, string>()

  constructor(
    readonly namespace: string,
    /** when true, a collection must be created first (database.addCollection), as in a real environment */
    public strictCollections = false,
  ) {}

  // ── collections ──

  createCollection(name: string): boolean {
    if (this.collections.has(name)) return false
    this.collections.set(name, new Map())
    return true
  }

  collectionNames(): string[] {
    return [...this.collections.keys()]
  }

  private versionsOf(name: string, forWrite: boolean): Map<string, Version[]> {
    let coll = this.collections.get(name)
    if (!coll) {
      if (this.strictCollections) throw collectionMissing(name)
      coll = new Map()
      if (forWrite) this.collections.set(name, coll)
    }
    return coll
  }

  /** The committed documents of a collection in natural (insertion) order — for tests to look inside */
  docs(name: string): Doc[] {
    const out: Doc[] = []
    for (const versions of this.collections.get(name)?.values() ?? []) {
      const doc = versions[versions.length - 1].doc
      if (doc) out.push(clone(doc))
    }
    return out
  }

  /** Empties every collection (keeps them existing); open transactions are dropped */
  clear(): void {
    for (const coll of this.collections.values()) coll.clear()
    this.txns.clear()
    this.locks.clear()
  }

  // ── transactions ──

  startTransaction(): string {
    const id = randomBytes(16).toString('hex')
    this.txns.set(id, { id, startTs: this.clock, writes: new Map(), state: 'open' })
    return id
  }

  openTransactions(): number {
    return [...this.txns.values()].filter((t) => t.state === 'open').length
  }

  /** The live transaction for an id; a conflicted one answers its conflict again */
  private txn(id: string): Txn {
    const txn = this.txns.get(id)
    if (!txn) throw transactionGone(id)
    if (txn.state === 'conflicted') throw transactionConflict()
    return txn
  }

  commit(id: string): void {
    const txn = this.txns.get(id)
    if (!txn) throw transactionGone(id)
    this.txns.delete(id)
    if (txn.state === 'conflicted') throw transactionConflict()
    const ts = ++this.clock
    for (const [name, writes] of txn.writes) {
      const coll = this.versionsOf(name, true)
      for (const [key, doc] of writes) {
        push(coll, key, { ts, doc }, this.oldestSnapshot())
        this.locks.delete(lockKey(name, key))
      }
    }
  }

  abort(id: string): void {
    const txn = this.txns.get(id)
    if (!txn) throw transactionGone(id)
    this.release(txn)
    this.txns.delete(id)
  }

  /** The start of the oldest open transaction: versions older than what it sees are garbage */
  private oldestSnapshot(): number {
    let oldest = Infinity
    for (const txn of this.txns.values()) if (txn.state === 'open') oldest = Math.min(oldest, txn.startTs)
    return oldest === Infinity ? this.clock + 1 : oldest
  }

  private release(txn: Txn) {
    for (const [name, writes] of txn.writes) for (const key of writes.keys()) this.locks.delete(lockKey(name, key))
    txn.writes.clear()
  }

  private conflict(txn: Txn): never {
    this.release(txn)
    txn.state = 'conflicted'
    throw transactionConflict()
  }

  // ── reads ──

  /**
   * The latest committed documents, natural order. Only plain queries scan: inside a transaction
   * CloudBase allows single-document operations (by _id), which go through read().
   */
  scan(name: string): Doc[] {
    const out: Doc[] = []
    for (const versions of this.versionsOf(name, false).values()) {
      const doc = versions[versions.length - 1].doc
      if (doc) out.push(doc)
    }
    return out
  }

  read(name: string, id: unknown, txnId?: string): Doc | null {
    const txn = txnId === undefined ? undefined : this.txn(txnId)
    const key = idKey(id)
    const own = txn?.writes.get(name)
    if (own?.has(key)) return own.get(key) ?? null
    const versions = this.versionsOf(name, false).get(key)
    return versions ? visible(versions, txn?.startTs) : null
  }

  // ── writes ──

  /** Inserts a new document (it carries its _id); an _id the writer can see is a duplicate */
  insert(name: string, doc: Doc, txnId?: string): void {
    checkSize(doc)
    if (this.read(name, doc._id, txnId)) throw duplicateWrite(`${this.namespace}.${name}`, doc._id)
    this.write(name, doc._id, doc, txnId)
  }

  /** Replaces (doc) or deletes (null) the document with this _id */
  write(name: string, id: unknown, doc: Doc | null, txnId?: string): void {
    if (doc) checkSize(doc)
    const key = idKey(id)
    const lock = lockKey(name, key)
    const holder = this.locks.get(lock)
    const coll = this.versionsOf(name, true)
    if (txnId === undefined) {
      if (holder !== undefined) {
        const other = this.txns.get(holder)
        if (other) {
          this.release(other)
          other.state = 'conflicted'
        }
      }
      push(coll, key, { ts: ++this.clock, doc: doc && clone(doc) }, this.oldestSnapshot())
      return
    }
    const txn = this.txn(txnId)
    if (holder !== undefined && holder !== txn.id) this.conflict(txn)
    const versions = coll.get(key)
    if (versions && versions[versions.length - 1].ts > txn.startTs) this.conflict(txn)
    this.locks.set(lock, txn.id)
    let own = txn.writes.get(name)
    if (!own) txn.writes.set(name, (own = new Map()))
    own.set(key, doc && clone(doc))
  }

  /** A fresh _id in CloudBase's shape (32 hex characters) */
  newId(): string {
    return randomBytes(16).toString('hex')
  }
}

const lockKey = (name: string, key: string) => `${name}\u0000${key}`

function push(coll: Map<string, Version[]>, key: string, version: Version, oldestSnapshot: number) {
  const versions = coll.get(key)
  if (!versions) return void coll.set(key, [version])
  versions.push(version)
  // versions no open snapshot can see are dropped, so a document written 10,000 times holds one
  let keep = versions.length - 1
  while (keep > 0 && versions[keep].ts > oldestSnapshot) keep--
  versions.splice(0, keep)
  // a deletion nobody can still see before leaves nothing: the _id is free, a new insert goes last
  if (versions.length === 1 && versions[0].doc === null && versions[0].ts <= oldestSnapshot) coll.delete(key)
}

function visible(versions: Version[], at: number | undefined): Doc | null {
  if (at === undefined) return versions[versions.length - 1].doc
  for (let i = versions.length - 1; i >= 0; i--) if (versions[i].ts <= at) return versions[i].doc
  return null
}

function checkSize(doc: Doc) {
  const size = bsonSize(doc)
  if (size > MAX_DOC_BYTES) throw requestFailed(`document is too large: ${size} bytes, the limit is ${MAX_DOC_BYTES} bytes (512KB)`)
}

export { DbError }
