import type { FunctionName } from '../../src/domain/api/contract'
import type { FunctionDefinition } from '../runtime/define-function'
import { consumerFunction } from './consumer/handlers'
import { inboxFunction } from './inbox/handlers'
import { merchantFunction } from './merchant/handlers'
import { proxyFunction } from './proxy/handlers'
import { registryFunction } from './registry/handlers'
import { staffFunction } from './staff/handlers'
import { stationFunction } from './station/handlers'

/** Every cloud function, by name: the local host mounts each at POST /api/<name>. */
export const FUNCTIONS: { [F in FunctionName]: FunctionDefinition<F> } = {
  inbox: inboxFunction,
  consumer: consumerFunction,
  merchant: merchantFunction,
  station: stationFunction,
  proxy: proxyFunction,
  registry: registryFunction,
  staff: staffFunction,
}
