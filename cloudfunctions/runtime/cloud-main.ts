import tcb from '@cloudbase/node-sdk'
import type { Result } from '../../src/domain/errors'
import type { Deps } from '../services/context'
import { resolveCaller } from '../services/resolve-caller'
import type { FunctionDefinition } from './define-function'
import { dispatch, failureOf } from './dispatch'

/**
 * The caller's OPENID as the platform vouches for it — never a field of the event. CloudBase puts
 * it in the invocation context's `environment` (listed by WX_CONTEXT_KEYS), or in process.env on
 * older runtimes; the SDK reads both, context first.
 */
function platformOpenId(context: unknown): string | undefined {
  const c = context as { environment?: unknown; environ?: unknown } | null
  const usable = !!c && typeof c === 'object' && (typeof c.environment === 'string' || typeof c.environ === 'string')
  // The SDK's context type lists every SCF field; parseContext reads only environment/environ.
  type SdkContext = Parameters<typeof tcb.getCloudbaseContext>[0]
  const { WX_OPENID } = tcb.getCloudbaseContext(usable ? (context as SdkContext) : undefined)
  return WX_OPENID || undefined
}

/**
 * Wrap a function definition as a CloudBase `main(event, context)`. Deps are built once per warm
 * container; the caller is resolved on every invocation.
 */
export function createCloudMain(def: FunctionDefinition, getDeps: () => Promise<Deps>) {
  return async function main(event: unknown, context: unknown): Promise<Result<unknown>> {
    let deps: Deps
    let caller: Awaited<ReturnType<typeof resolveCaller>>
    try {
      deps = await getDeps()
      // WeChat vouches for the OPENID, so a staff account bound to it makes the caller that staff member
      const firstAdminSubject = process.env.FIRST_ADMIN_OPENID || undefined
      caller = await resolveCaller(deps, { subject: platformOpenId(context), staffBySubject: true, firstAdminSubject })
    } catch (err) {
      // a database that is away at cold start or while resolving the caller answers "retry", not a crash
      return failureOf(err, `${def.name} start`)
    }
    return dispatch(def, event, { caller, deps })
  }
}
