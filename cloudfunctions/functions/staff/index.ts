// Deployed entry of the "staff" cloud function (bundled by scripts/build-functions.ts).
import { cloudDeps } from '../../runtime/cloud-deps'
import { createCloudMain } from '../../runtime/cloud-main'
import { staffFunction } from './handlers'

export const main = createCloudMain(staffFunction, cloudDeps)
