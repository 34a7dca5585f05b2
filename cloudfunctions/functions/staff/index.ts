// Deployed entry of the "staff" cloud function (bundled by scripts/build-functions.ts).
// With WECHAT_OPENAPI=cloud a binding code can be drawn as a mini-program code through wx-server-sdk's
// cloud call (config.json grants wxacode.getUnlimited), as the registry draws invites; otherwise
// staff.bindingMiniCode answers MINI_CODE_UNAVAILABLE and the code is read out or typed.
import { cloudMiniCode, miniCodeOptionsFor } from '../../adapters/wechat/cloud-mini-code'
import { cloudDeps } from '../../runtime/cloud-deps'
import { createCloudMain } from '../../runtime/cloud-main'
import { wantsWxCloud, wxCloudOpenApi } from '../../runtime/wx-cloud'
import { staffFunctionWith } from './handlers'

const miniCode = wantsWxCloud(process.env)
  ? cloudMiniCode(wxCloudOpenApi(), miniCodeOptionsFor(process.env.WECHAT_MINIPROGRAM_STATE))
  : undefined

export const main = createCloudMain(staffFunctionWith({ miniCode }), cloudDeps)
