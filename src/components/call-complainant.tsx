import Taro from '@tarojs/taro'
import type { CaseDetail } from '../domain/case-view.schema'
import { ActionButton } from './action-button'
import './call-complainant.scss'

// The shop may call the shopper only when the shopper chose to share the number: the server then
// sends it whole; otherwise it arrives masked (138****5678) and there is nothing to dial.
const DIALABLE = /^1[3-9]\d{9}$/

export function CallComplainant({ complainant }: { complainant: CaseDetail['complainant'] }) {
  const phone = complainant?.phone ?? ''
  if (!DIALABLE.test(phone)) return null
  return (
    <ActionButton
      label={`拨打消费者电话 ${phone}`}
      text="拨打消费者电话"
      variant="secondary"
      className="call-complainant"
      onPress={() => void Taro.makePhoneCall({ phoneNumber: phone })}
    />
  )
}
