import { FUNCTIONS } from '../../cloudfunctions/functions/all-functions'
import { dispatch } from '../../cloudfunctions/runtime/dispatch'
import type { Deps } from '../../cloudfunctions/services/context'
import { resolveCaller, type PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import type { FunctionName } from '../../src/domain/api/contract'
import type { Result } from '../../src/domain/errors'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Data = Record<string, any>

/** Call a function the way the host does: the platform identity resolved to a caller, then dispatch. */
export async function callAs(deps: Deps, fn: FunctionName, event: unknown, who: PlatformIdentity): Promise<Result<Data>> {
  return (await dispatch(FUNCTIONS[fn], event, { caller: await resolveCaller(deps, who), deps })) as Result<Data>
}
