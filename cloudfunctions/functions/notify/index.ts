// The timer-triggered cloud function that empties the outbox in CloudBase (config.json: every
// minute, the shortest a timer allows). Its only input is the timer's own event (its Time,
// timer-instant.ts); it answers to no client. The local host runs the same dispatcher every few seconds.
import { channelsFromConfig } from '../../adapters/notify-channels-from-config'
import { notifyConfigFrom } from '../../adapters/notify-config'
import { systemClock } from '../../adapters/system/system-clock'
import { tencentConfigFrom } from '../../adapters/tencent/tencent-config'
import { cloudWechatOpenApi } from '../../adapters/wechat/cloud-open-api'
import { cloudDeps } from '../../runtime/cloud-deps'
import { timerInstant } from '../../runtime/timer-instant'
import { wantsWxCloud, wxCloudOpenApi } from '../../runtime/wx-cloud'
import { dispatchOutbox, type DispatchReport } from '../../services/notify/dispatch-outbox'

export async function main(event?: unknown, context?: unknown): Promise<DispatchReport> {
  const notify = notifyConfigFrom(process.env)
  const tencent = tencentConfigFrom(process.env)
  if (!notify.ok || !tencent.ok)
    throw new Error(`通知渠道配置有误：${[...(notify.ok ? [] : notify.problems), ...(tencent.ok ? [] : tencent.problems)].join('；')}`)
  const channels = channelsFromConfig(notify.config, tencent.config, systemClock, (line) => console.log(line))
  if (wantsWxCloud(process.env))
    channels.wechat = {
      api: cloudWechatOpenApi(wxCloudOpenApi()),
      templateIds: notify.config.templateIds,
      miniprogramState: notify.config.miniprogramState,
    }
  return dispatchOutbox(await cloudDeps(), channels, timerInstant(event, context)) // the minute the timer fired for
}
