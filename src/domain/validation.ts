import { z } from 'zod'
import { appError, type FieldErrors, type Result } from './errors'

/**
 * Chinese wording for every issue a schema did not word itself (wrong type, missing, unknown key…).
 * Registered globally so that no English zod default ever reaches a person.
 */
function chineseMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? '此项必填' : '格式不正确'
    case 'too_small':
      return '内容太短'
    case 'too_big':
      return '内容太长'
    case 'invalid_value':
      return '请选择有效的选项'
    case 'unrecognized_keys':
      return '包含无法识别的字段'
    default:
      return '格式不正确'
  }
}

// jitless: zod also runs in the WeChat mini-program, where `new Function` is forbidden.
z.config({ jitless: true, customError: chineseMessage })

export function toFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {}
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_'
    if (!fields[key]) fields[key] = issue.message // the first problem of a field is the one worth showing
  }
  return fields
}

/** Parse untrusted input: either the typed value or VALIDATION_FAILED with per-field Chinese messages. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return { ok: true, data: parsed.data }
  return { ok: false, error: appError('VALIDATION_FAILED', toFieldErrors(parsed.error)) }
}
