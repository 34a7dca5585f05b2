import type { z } from 'zod'
import { CONSUMER_API } from './consumer-contract'
import { INBOX_API } from './inbox-contract'
import { MERCHANT_API } from './merchant-contract'
import { PROXY_API } from './proxy-contract'
import { REGISTRY_API } from './registry-contract'
import { STAFF_API } from './staff-contract'
import { STATION_API } from './station-contract'

export * from './action-schemas'
export * from './staff-action-schemas'
export { CONSUMER_API, INBOX_API, MERCHANT_API, PROXY_API, REGISTRY_API, STAFF_API, STATION_API }

// The one contract between the app and the functions: function → action → { input, output }.
// The app's gateway is typed by it; each cloud function validates its input against it.
// Each function's actions live in their own file (<function>-contract.ts), so that a page loads the
// schemas of the functions it calls and no others (src/api/function-contracts.ts, docs/first-page.md):
// add a new action there, not here. This file gathers them for the server and for the types.
export const API = {
  inbox: INBOX_API,
  consumer: CONSUMER_API,
  proxy: PROXY_API,
  merchant: MERCHANT_API,
  station: STATION_API,
  // the merchant registry of a site (issue 5): shops, posters, clerk invites and bindings
  registry: REGISTRY_API,
  // staff identity from the OPENID and provisioning (issue 15, docs/staff-identity.md)
  staff: STAFF_API,
} as const

export type Api = typeof API
export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
type Spec<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends {
  input: infer I extends z.ZodType
  output: infer O extends z.ZodType
}
  ? { input: I; output: O }
  : never
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = z.input<Spec<F, A>['input']>
export type ActionParsedInput<F extends FunctionName, A extends ActionName<F>> = z.output<Spec<F, A>['input']>
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = z.output<Spec<F, A>['output']>

export const FUNCTION_NAMES = Object.keys(API) as FunctionName[]

export function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(API, name)
}
