// Deployed entry of the "inbox" cloud function (bundled by scripts/build-functions.ts).
import { cloudDeps } from '../../runtime/cloud-deps'
import { createCloudMain } from '../../runtime/cloud-main'
import { inboxFunction } from './handlers'

export const main = createCloudMain(inboxFunction, cloudDeps)
