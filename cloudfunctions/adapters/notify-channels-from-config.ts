import { deploymentDefaultContacts } from '../../src/domain/notify/deployment-defaults'
import type { NotifyChannels } from '../ports/notify-channels'
import type { Clock } from '../ports/system'
import type { NotifyConfig } from './notify-config'
import { tencentApiClient } from './tencent/tencent-api-client'
import type { TencentConfig } from './tencent/tencent-config'
import { tencentSmsSender } from './tencent/tencent-sms'
import { httpWechatOpenApi } from './wechat/http-open-api'
import { wecomGroupRobot } from './wecom/wecom-webhook'

/**
 * The channels the configuration switched on; the inbox (and the log line) are always there. The
 * group robot is always on, because stored contacts name their own groups; WECOM_WEBHOOK_KEY only
 * adds the deployment's group as the fallback contact.
 */
export function channelsFromConfig(
  notify: NotifyConfig,
  tencent: TencentConfig,
  clock: Clock,
  log: (line: string) => void,
): NotifyChannels {
  const channels: NotifyChannels = {
    log,
    groupRobot: wecomGroupRobot({ baseUrl: notify.wecom.baseUrl }),
    defaultContacts: deploymentDefaultContacts({ wecomKey: notify.wecom.key }),
  }
  if (notify.wechat) {
    const { appId, appSecret, baseUrl } = notify.wechat
    channels.wechat = {
      api: httpWechatOpenApi({ appId, appSecret, baseUrl, clock }),
      templateIds: notify.templateIds,
      miniprogramState: notify.miniprogramState,
    }
  }
  if (tencent.sms && notify.smsTemplateId) {
    const { api, sdkAppId, signName } = tencent.sms
    channels.sms = {
      sender: tencentSmsSender({ client: tencentApiClient({ ...api, now: () => clock.now() }), sdkAppId, signName, log }),
      templateId: notify.smsTemplateId,
    }
  }
  return channels
}
