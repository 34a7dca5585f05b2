// The ONE place that decides whether an error thrown by the database driver (pg, PGlite, or the
// CloudBase SDK for the document store) means "the database is not reachable right now" (retry
// shortly) rather than "this request or our code is wrong" (500).
// It reads only plain fields (`code`, `message`, `cause`, `errors`), so it needs neither pg nor PGlite
// loaded and works on whatever Kysely rethrows.

/**
 * SQLSTATE classes and codes of a lost or refused connection:
 * 08 connection exception; 57P01 admin shutdown (pg_terminate_backend, fast stop); 57P02 crash
 * shutdown; 57P03 cannot connect now (starting up, recovery); 53300 too many connections.
 */
const SQLSTATE_UNAVAILABLE = /^(08[0-9A-Z]{3}|57P0[1-3]|53300)$/

/** Socket-level failures Node reports while connecting or talking to the server. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
  'ESOCKETTIMEDOUT', // the CloudBase SDK's request timed out (its `timeout` option): nothing answered
])

/**
 * CloudBase's answers that mean "busy or unreachable now, the same request may succeed shortly"
 * (docs.cloudbase.net/error-code): a timeout inside the service, its request-rate and concurrency
 * quotas, and a transaction that kept conflicting past the adapter's bounded retry (transact.ts).
 */
const CLOUDBASE_UNAVAILABLE = new Set([
  'SERVER_TIMEOUT',
  'DATABASE_TIMEOUT',
  'EXCEED_RATELIMIT',
  'EXCEED_CONCURRENT_REQUEST_LIMIT',
  'DATABASE_TRANSACTION_CONFLICT',
])

/** Messages of drivers that carry no code: pg, pg-pool, Kysely's PostgresDriver, PGlite. */
const MESSAGES = [
  /^Connection terminated/, // pg: the socket closed under a query ("… unexpectedly", "… due to connection timeout")
  /^Client has encountered a connection error and is not queryable/, // pg: a client whose socket died
  /^timeout exceeded when trying to connect/, // pg-pool: connectionTimeoutMillis, server down or pool exhausted
  /^Postgres connection has been discarded/, // Kysely: a connection whose rollback failed
  /^PGlite is closed/, // PGlite: the embedded database was shut (host stopping)
]

const MAX_DEPTH = 4

function fieldOf(err: object, name: string): unknown {
  return (err as Record<string, unknown>)[name]
}

/** True when `err` (or what caused it) says the database is unreachable: answer "retry later", not 500. */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH || typeof err !== 'object' || err === null) return false
  const code = fieldOf(err, 'code')
  if (typeof code === 'string' && (SQLSTATE_UNAVAILABLE.test(code) || SOCKET_CODES.has(code) || CLOUDBASE_UNAVAILABLE.has(code)))
    return true
  const message = fieldOf(err, 'message')
  if (typeof message === 'string' && MESSAGES.some((m) => m.test(message))) return true
  // net.connect to a name with several addresses fails with an AggregateError of the attempts
  const errors = fieldOf(err, 'errors')
  if (Array.isArray(errors) && errors.length > 0 && errors.every((e) => isDatabaseUnavailable(e, depth + 1))) return true
  return isDatabaseUnavailable(fieldOf(err, 'cause'), depth + 1)
}

/**
 * A log line for a driver error with nothing personal in it: pg errors carry the client (with its
 * connection parameters, password included) and query errors can carry row values in `detail`.
 */
export function describeDatabaseError(err: unknown): string {
  if (typeof err !== 'object' || err === null) return String(err).slice(0, 200)
  const code = fieldOf(err, 'code')
  const message = fieldOf(err, 'message')
  const firstLine = typeof message === 'string' ? message.split('\n')[0].slice(0, 200) : 'unknown error'
  return typeof code === 'string' ? `${code} ${firstLine}` : firstLine
}
