import type { ActionName, ActionOutput, ActionParsedInput, FunctionName } from '../../src/domain/api/contract'
import type { Result } from '../../src/domain/errors'
import type { ServiceContext } from '../services/context'

export type ActionHandler<F extends FunctionName, A extends ActionName<F>> = (
  input: ActionParsedInput<F, A>,
  ctx: ServiceContext,
) => Promise<Result<ActionOutput<F, A>>>

export type ActionHandlers<F extends FunctionName> = { [A in ActionName<F>]: ActionHandler<F, A> }

export interface FunctionDefinition<F extends FunctionName = FunctionName> {
  name: F
  handlers: ActionHandlers<F>
}

/**
 * A cloud function is a name and one handler per action of its contract. The compiler checks that
 * every action of the contract has a handler and that each handler returns the contract's output.
 */
export function defineFunction<F extends FunctionName>(name: F, handlers: ActionHandlers<F>): FunctionDefinition<F> {
  return { name, handlers }
}
