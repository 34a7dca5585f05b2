// Deployed entry of the "proxy" cloud function (bundled by scripts/build-functions.ts).
import { cloudDeps } from '../../runtime/cloud-deps'
import { createCloudMain } from '../../runtime/cloud-main'
import { proxyFunction } from './handlers'

export const main = createCloudMain(proxyFunction, cloudDeps)
