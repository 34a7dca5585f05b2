// The { code, message } answers of the CloudBase document database (docs.cloudbase.net/error-code).
// The SDK turns a top-level `code` into a thrown TcbError carrying both.

export interface DbFailure {
  code: string
  message: string
}

export class DbError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export const invalidParam = (message: string) => new DbError('INVALID_PARAM', message)

/** Another transaction (or a plain write) touched a document this transaction writes: retry the whole unit */
export const transactionConflict = () =>
  new DbError(
    'DATABASE_TRANSACTION_CONFLICT',
    'WriteConflict error: this operation conflicted with another operation. Please retry your operation or multi-document transaction.',
  )

/** An insert hit an existing _id: CloudBase passes MongoDB's E11000 text along */
export const duplicateWrite = (namespace: string, id: unknown) =>
  new DbError(
    'DATABASE_DUPLICATE_WRITE',
    `E11000 duplicate key error collection: ${namespace} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
  )

/** A malformed query or update, or a document over the size limit: MongoDB's own text behind the generic code */
export const requestFailed = (message: string) => new DbError('DATABASE_REQUEST_FAILED', message)

export const collectionMissing = (name: string) => new DbError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`)
export const collectionExists = (name: string) => new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `Table exist: ${name}`)

/**
 * A transactionId the server does not know: never started, already committed or rolled back (or, in
 * the real service, not ended within 30 s). Code and message prefix as CloudBase answers them.
 */
export const transactionGone = (id: unknown) =>
  new DbError(
    'DATABASE_TRANSACTION_FAIL',
    `[ResourceUnavailable.TransactionNotExist] Transaction ${String(id)} does not exist on the server. Please retry the request, but if the problem persists, contact us.`,
  )
