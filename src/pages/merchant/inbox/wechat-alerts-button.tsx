import { View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { canRequestSubscriptions, requestSubscriptions } from '../../../api/subscribe'
import { recordAcceptedSubscriptions } from '../../../api/subscribe-record'
import { MERCHANT_ALERT_SLOTS } from '../../../api/subscribe-slots'

// 开启微信提醒: the clerk allows WeChat service notices for new complaints and clock warnings. Only
// in the mini-program, and only when the deployment configured those templates (a browser gets none).
// WeChat pays one notice per allow, so the button stays: a clerk taps it again after a notice came.
type Outcome = 'idle' | 'asking' | 'on' | 'off'

const SAID: Record<Exclude<Outcome, 'idle' | 'asking'>, string> = {
  on: '已开启：下一次新投诉或时限提醒会通过微信通知您。微信每次同意只能提醒一次，收到后可再次点击开启。',
  off: '未开启微信提醒。新投诉仍会显示在本页和商户工作台。',
}

export function WechatAlertsButton() {
  const [outcome, setOutcome] = useState<Outcome>('idle')
  if (!canRequestSubscriptions(MERCHANT_ALERT_SLOTS)) return null

  const ask = () => {
    // synchronously in the tap: WeChat shows its prompt only then
    const prompt = requestSubscriptions(MERCHANT_ALERT_SLOTS)
    setOutcome('asking')
    void prompt.then((accepted) => setOutcome(accepted.length > 0 ? 'on' : 'off'))
    void recordAcceptedSubscriptions(prompt)
  }
  return (
    <View className="merchant-inbox__alerts">
      <ActionButton label="开启微信提醒" busy={outcome === 'asking'} busyText="请在微信弹窗中选择…" onPress={ask} />
      {outcome === 'on' || outcome === 'off' ? (
        <View className="merchant-inbox__alerts-note" role="status">
          {SAID[outcome]}
        </View>
      ) : null}
    </View>
  )
}
