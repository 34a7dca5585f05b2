// Deployed entry of the "merchant" cloud function (bundled by scripts/build-functions.ts).
import { cloudDeps } from '../../runtime/cloud-deps'
import { createCloudMain } from '../../runtime/cloud-main'
import { merchantFunction } from './handlers'

export const main = createCloudMain(merchantFunction, cloudDeps)
