// Deployed entry of the "station" cloud function (bundled by scripts/build-functions.ts).
import { cloudDeps } from '../../runtime/cloud-deps'
import { createCloudMain } from '../../runtime/cloud-main'
import { stationFunction } from './handlers'

export const main = createCloudMain(stationFunction, cloudDeps)
