// Deployed entry of the "registry" cloud function (bundled by scripts/build-functions.ts).
// With WECHAT_OPENAPI=cloud the station's posters get real mini-program codes through wx-server-sdk's
// cloud call (config.json grants wxacode.getUnlimited); otherwise registry.miniCode answers
// MINI_CODE_UNAVAILABLE and posters carry the QR of the H5 entry URL.
import { cloudMiniCode, miniCodeOptionsFor } from '../../adapters/wechat/cloud-mini-code'
import { cloudDeps } from '../../runtime/cloud-deps'
import { createCloudMain } from '../../runtime/cloud-main'
import { wantsWxCloud, wxCloudOpenApi } from '../../runtime/wx-cloud'
import { registryFunctionWith } from './handlers'

const miniCode = wantsWxCloud(process.env)
  ? cloudMiniCode(wxCloudOpenApi(), miniCodeOptionsFor(process.env.WECHAT_MINIPROGRAM_STATE))
  : undefined

export const main = createCloudMain(registryFunctionWith({ miniCode }), cloudDeps)
