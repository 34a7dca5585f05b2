import type { z } from 'zod'
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../domain/api/contract'
import { fail, type Result } from '../domain/errors'
import { parseWith } from '../domain/validation'
import { loadContractFor } from './function-contracts'
import { send } from './transport'

// The ONE gateway every page uses to reach the back end. It checks the input with the same schema
// the function will use (so a bad field is answered at once, with a Chinese message next to it, and
// no request is made), sends it, and checks the answer against the contract's output schema.
// It returns a Result and never shows UI: what to say, and where, is the page's business.

interface ActionSpec {
  input: z.ZodType<Record<string, unknown>> // every action takes an object (possibly empty)
  output: z.ZodType
}

// Only the called function's schemas are loaded (function-contracts.ts): a shopper's page never
// carries the staff functions', and the complaint form only its own actions'. A chunk that cannot be
// fetched is a network failure like any other.
async function specOf(fn: FunctionName, action: string): Promise<ActionSpec | undefined | null> {
  let group: Record<string, ActionSpec>
  try {
    group = await loadContractFor(fn, action)
  } catch {
    return null
  }
  return Object.prototype.hasOwnProperty.call(group, action) ? group[action] : undefined
}

export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: ActionInput<F, A>,
): Promise<Result<ActionOutput<F, A>>> {
  const spec = await specOf(fn, action)
  if (spec === null) return fail('NETWORK_ERROR')
  if (!spec) return fail('UNKNOWN_ACTION')

  const parsedInput = parseWith(spec.input, input)
  if (!parsedInput.ok) return parsedInput

  const result = await send(fn, { ...parsedInput.data, action })
  if (!result.ok) return result

  const parsedOutput = parseWith(spec.output, result.data)
  // an answer that breaks the contract is the server's fault, not the person's: no field errors
  if (!parsedOutput.ok) return fail('INTERNAL')
  // The schema checked here is the one ActionOutput<F, A> is inferred from; TypeScript cannot
  // follow a generic index into the contract, so this is the single place the two are joined.
  return parsedOutput as Result<ActionOutput<F, A>>
}
