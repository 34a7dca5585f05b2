import type { CloudOpenApiLike } from '../adapters/wechat/cloud-open-api'
import type { CloudWxacodeLike } from '../adapters/wechat/cloud-mini-code'

/**
 * wx-server-sdk's `cloud.openapi` inside a CloudBase function: WeChat signs these calls for the
 * function, so no AppSecret is needed. The SDK is installed by CloudBase from the function's
 * package.json (build-functions.ts pins it) and is not installed in this repository: it weighs
 * 44 MB and pins its own @cloudbase/node-sdk. The adapters that use it are typed by shape and
 * tested against fakes of that shape; only this loader touches the real thing.
 */
export function wxCloudOpenApi(): CloudOpenApiLike & CloudWxacodeLike {
  // a plain require(): esbuild keeps it external and CloudBase resolves it beside index.js
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as {
    init(o: { env: unknown }): void
    DYNAMIC_CURRENT_ENV: unknown
    openapi: CloudOpenApiLike & CloudWxacodeLike
  }
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  return cloud.openapi
}

/** The cloud call is opted into per deployment (WECHAT_OPENAPI=cloud); self-hosted uses HTTPS with AppSecret. */
export const wantsWxCloud = (env: Record<string, string | undefined>) => env.WECHAT_OPENAPI === 'cloud'
