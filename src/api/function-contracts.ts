import type { Api, FunctionName } from '../domain/api/contract'
import type { CONSUMER_FORM_API } from '../domain/api/consumer-form-contract'

// Each cloud function's actions, loaded the first time a page calls that function: a shopper's page
// calls only `consumer` (and `inbox`), so it never fetches or builds the staff functions' schemas
// (docs/first-page.md). The consumer contract is `eager`: it stays in the gateway's own chunk (no
// extra request on the QR page), but its schemas are built at the first call, after the page's first
// render, not while the page's script is evaluated. The staff functions' contracts are chunks of
// their own, fetched once (hashed, cached for good) when their page first calls. Only the complaint
// form's own consumer actions are eager (consumer-form-contract.ts); the consumer function's other
// actions (the shopper's cases, lookups, consultations, public records, rewards) are a chunk of their
// own too, fetched when another consumer page first calls. The mini-program
// has its own copy (function-contracts.weapp.ts) that reads contract.ts's table directly.
// The mapped type makes this list complete: a new function in contract.ts fails to compile until it is here.
const LOADERS: { [F in FunctionName]: () => Promise<Api[F]> } = {
  consumer: () => import(/* webpackChunkName: "contract-consumer" */ '../domain/api/consumer-contract').then((m) => m.CONSUMER_API),
  inbox: () => import(/* webpackChunkName: "contract-inbox" */ '../domain/api/inbox-contract').then((m) => m.INBOX_API),
  proxy: () => import(/* webpackChunkName: "contract-proxy" */ '../domain/api/proxy-contract').then((m) => m.PROXY_API),
  merchant: () => import(/* webpackChunkName: "contract-merchant" */ '../domain/api/merchant-contract').then((m) => m.MERCHANT_API),
  station: () => import(/* webpackChunkName: "contract-station" */ '../domain/api/station-contract').then((m) => m.STATION_API),
  registry: () => import(/* webpackChunkName: "contract-registry" */ '../domain/api/registry-contract').then((m) => m.REGISTRY_API),
  staff: () => import(/* webpackChunkName: "contract-staff" */ '../domain/api/staff-contract').then((m) => m.STAFF_API),
}

/** The actions of one function, with the very schema objects the server validates with (contract.ts gathers the same modules). */
export function loadContract<F extends FunctionName>(fn: F): Promise<Api[F]> {
  return LOADERS[fn]()
}

const loadFormContract = () => import(/* webpackMode: "eager" */ '../domain/api/consumer-form-contract').then((m) => m.CONSUMER_FORM_API)

/** The loaded actions that hold `action`: the complaint form's small table for its own actions, else the function's whole contract. */
export async function loadContractFor<F extends FunctionName>(fn: F, action: string): Promise<Api[F] | typeof CONSUMER_FORM_API> {
  if (fn === 'consumer') {
    const form = await loadFormContract()
    if (Object.prototype.hasOwnProperty.call(form, action)) return form
  }
  return loadContract(fn)
}
