import { API, type FunctionName } from '../../src/domain/api/contract'
import { AppFailure, fail, type Result } from '../../src/domain/errors'
import { rolesOf, STAFF_ROLES } from '../../src/domain/identity'
import { checkInputText } from '../../src/domain/input-text'
import { isAllowed, POLICY } from '../../src/domain/policy'
import { parseWith } from '../../src/domain/validation'
import { describeDatabaseError, isDatabaseUnavailable } from '../adapters/db-errors'
import type { ServiceContext } from '../services/context'
import type { FunctionDefinition } from './define-function'

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k)

export interface Logger {
  error(message: string, detail?: unknown): void
}

/**
 * The same path for every call, in the cloud and on the local host:
 * event shape → known action → policy (deny by default) → readable text → input schema → handler → coded result.
 * Nothing a client sends can make this throw; only a fault of our own becomes INTERNAL.
 */
export async function dispatch(
  def: FunctionDefinition,
  event: unknown,
  ctx: ServiceContext,
  logger: Logger = console,
): Promise<Result<unknown>> {
  if (!isRecord(event) || typeof event.action !== 'string') return fail('BAD_REQUEST')
  // `userInfo` is what WeChat adds to every callFunction event; identity never comes from the event.
  const { action, userInfo: _platformAdded, ...input } = event
  const fn: FunctionName = def.name
  const handlers = def.handlers as Record<string, (input: unknown, ctx: ServiceContext) => Promise<Result<unknown>>>
  if (!hasOwn(handlers, action) || !hasOwn(API[fn], action)) return fail('UNKNOWN_ACTION')

  const roles = rolesOf(ctx.caller)
  if (!isAllowed(fn, action, roles)) {
    const allowed = POLICY[`${fn}.${action}`] ?? []
    const needsStaff = allowed.some((r) => (STAFF_ROLES as readonly string[]).includes(r))
    const unknownCaller = roles.length === 0 || (needsStaff && !ctx.caller.staff)
    return fail(unknownCaller ? 'UNAUTHENTICATED' : 'FORBIDDEN')
  }

  // text no person types (NUL, other controls, lone surrogates) is refused here, once, for every function
  const readable = checkInputText(input)
  if (!readable.ok) return readable
  const spec = (API[fn] as Record<string, { input: Parameters<typeof parseWith>[0] }>)[action]
  const parsed = parseWith(spec.input, input)
  if (!parsed.ok) return parsed

  try {
    return await handlers[action](parsed.data, ctx)
  } catch (err) {
    if (err instanceof AppFailure) return { ok: false, error: err.error }
    return failureOf(err, `${fn}.${action}`, logger)
  }
}

/**
 * The one mapping of a thrown fault to a coded result: a database that dropped or refused the
 * connection is SERVICE_UNAVAILABLE (retry in a moment); anything else is our fault, INTERNAL.
 */
export function failureOf(err: unknown, where: string, logger: Logger = console): Result<never> {
  if (isDatabaseUnavailable(err)) {
    logger.error(`[${where}] database unavailable: ${describeDatabaseError(err)}`)
    return fail('SERVICE_UNAVAILABLE')
  }
  logger.error(`[${where}] unexpected failure`, err)
  return fail('INTERNAL')
}
