import type { CollectionReference, Db } from '@cloudbase/database'

// The document database as the adapter uses it: @cloudbase/node-sdk's `app.database()`. The SDK
// returns most failures as a result carrying `code` (it throws only some), so every call goes
// through `ok()`, which turns a `code` into a thrown DocDbError the adapter can classify.
export type DocDb = Db

/** What a runTransaction-style transaction offers: single-document operations on its collections. */
export interface DocTransaction {
  collection(name: string): CollectionReference
  commit(): Promise<unknown>
  rollback(reason?: unknown): Promise<unknown>
}

/** A failure the database answered with: its CloudBase error code (DATABASE_TRANSACTION_CONFLICT, …). */
export class DocDbError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`)
    this.name = 'DocDbError'
  }
}

/** The result, or a thrown DocDbError when the database answered with a code. */
export function ok<T>(result: T): Exclude<T, { code: string }> {
  const r = result as { code?: unknown; message?: unknown }
  if (r && typeof r === 'object' && typeof r.code === 'string' && r.code !== '') {
    throw new DocDbError(r.code, typeof r.message === 'string' ? r.message : '')
  }
  return result as Exclude<T, { code: string }>
}

const codeOf = (err: unknown) => (typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined)

/** Another transaction wrote a document this one touched: run the whole unit again. */
export const isConflict = (err: unknown) => codeOf(err) === 'DATABASE_TRANSACTION_CONFLICT'

/** An insert hit an _id that exists (a guard document already taken). */
export const isDuplicate = (err: unknown) => {
  const code = codeOf(err)
  return code === 'DATABASE_DUPLICATE_WRITE' || (err instanceof Error && /E11000|duplicate key/i.test(err.message))
}
