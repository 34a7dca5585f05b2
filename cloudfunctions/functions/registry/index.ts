// Deployed entry of the "registry" cloud function (bundled by scripts/build-functions.ts).
//
// Mini-program codes: pass `miniCode: cloudMiniCode(cloud.openapi)` (adapters/wechat/cloud-mini-code.ts)
// with wx-server-sdk's `cloud` once that SDK is part of the function bundle (it is not installed in
// this repository yet; build-functions.ts would list it among the packages CloudBase installs).
// Until then registry.miniCode answers MINI_CODE_UNAVAILABLE and posters use the H5 URL's QR.
import { cloudDeps } from '../../runtime/cloud-deps'
import { createCloudMain } from '../../runtime/cloud-main'
import { registryFunction } from './handlers'

export const main = createCloudMain(registryFunction, cloudDeps)
