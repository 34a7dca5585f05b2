import { API, type Api, type FunctionName } from '../domain/api/contract'

// The mini-program's copy of function-contracts.ts: there every module is in the package already
// (import() would become require()), so the table is read directly — no loader per function, which
// keeps the main package under its 800 KB budget (scripts/report-weapp-size.ts).
export function loadContract<F extends FunctionName>(fn: F): Promise<Api[F]> {
  return Promise.resolve(API[fn])
}

/** The same answer as on H5 (function-contracts.ts): here the whole function's table holds every action already. */
export function loadContractFor<F extends FunctionName>(fn: F, _action: string): Promise<Api[F]> {
  return loadContract(fn)
}
