import { ERROR_CATALOGUE, appError, fail, isErrorCode, type AppError, type FieldErrors, type Result } from '../domain/errors'

// Both transports receive the same envelope from the server:
//   { ok: true, data }  |  { ok: false, error: { code, message, fields? } }
// This turns whatever arrived into a Result without trusting its shape: anything that is not a
// well-formed envelope counts as a network failure (a proxy's HTML error page, a truncated body…).

type Dict = Record<string, unknown>
const isDict = (value: unknown): value is Dict => typeof value === 'object' && value !== null && !Array.isArray(value)

function readFields(value: unknown): FieldErrors | undefined {
  if (!isDict(value)) return undefined
  const fields: FieldErrors = {}
  for (const [key, message] of Object.entries(value)) {
    if (typeof message === 'string') fields[key] = message
  }
  return Object.keys(fields).length > 0 ? fields : undefined
}

function readError(value: unknown): AppError {
  if (!isDict(value) || !isErrorCode(value.code)) return appError('INTERNAL')
  const error: AppError = {
    code: value.code,
    // the server words its own messages in Chinese; fall back to the catalogue if it sent none
    message: typeof value.message === 'string' && value.message ? value.message : ERROR_CATALOGUE[value.code].message,
  }
  const fields = readFields(value.fields)
  if (fields) error.fields = fields
  return error
}

export function readEnvelope(raw: unknown): Result<unknown> {
  if (!isDict(raw)) return fail('NETWORK_ERROR')
  if (raw.ok === true) return { ok: true, data: raw.data }
  if (raw.ok === false) return { ok: false, error: readError(raw.error) }
  return fail('NETWORK_ERROR')
}
