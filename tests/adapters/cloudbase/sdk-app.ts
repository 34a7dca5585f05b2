import tcb from '@cloudbase/node-sdk'
import type { CloudbaseLoopback } from '../../support/cloudbase-loopback'
import '../../support/cloud-context' // TENCENTCLOUD=true: no probe of Tencent's metadata host

/** The real @cloudbase/node-sdk, pointed at the loopback through its serviceUrl seam. */
export function sdkAppFor(loopback: CloudbaseLoopback) {
  return tcb.init({ env: loopback.env, secretId: 'x', secretKey: 'y', serviceUrl: loopback.serviceUrl })
}
