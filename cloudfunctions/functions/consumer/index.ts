// Deployed entry of the "consumer" cloud function (bundled by scripts/build-functions.ts).
import { sharpImages } from '../../adapters/media/sharp-images'
import { cloudDeps } from '../../runtime/cloud-deps'
import { createCloudMain } from '../../runtime/cloud-main'
import { consumerFunction } from './handlers'

export const main = createCloudMain(consumerFunction, () => cloudDeps({ images: sharpImages }))
