import { API, type Api, type FunctionName } from '../domain/api/contract'

// The mini-program's copy of function-contracts.ts: there every module is in the package already
// (import() would become require()), so the table is read directly — no loader per function, which
// keeps the main package under its 800 KB budget (scripts/report-weapp-size.ts).
export function loadContract<F extends FunctionName>(fn: F): Promise<Api[F]> {
  return Promise.resolve(API[fn])
}
