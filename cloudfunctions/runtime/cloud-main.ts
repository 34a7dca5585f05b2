import tcb from '@cloudbase/node-sdk'
import type { Result } from '../../src/domain/errors'
import { fail } from '../../src/domain/errors'
import type { Deps } from '../services/context'
import { resolveCaller } from '../services/resolve-caller'
import type { FunctionDefinition } from './define-function'
import { dispatch } from './dispatch'

let app: ReturnType<typeof tcb.init> | undefined

/** The caller's OPENID as the CloudBase platform vouches for it (never a field of the event). */
function platformOpenId(): string | undefined {
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
  const { openId } = app.auth().getUserInfo()
  return openId || undefined
}

/**
 * Wrap a function definition as a CloudBase `main(event, context)`. Deps are built once per warm
 * container; the caller is resolved on every invocation.
 */
export function createCloudMain(def: FunctionDefinition, getDeps: () => Promise<Deps>) {
  return async function main(event: unknown, _context: unknown): Promise<Result<unknown>> {
    let deps: Deps
    try {
      deps = await getDeps()
    } catch (err) {
      console.error(`[${def.name}] cannot start:`, err)
      return fail('INTERNAL')
    }
    const caller = await resolveCaller(deps, { subject: platformOpenId() })
    return dispatch(def, event, { caller, deps })
  }
}
