import { View } from '@tarojs/components'
import type { MyMembership } from '../../../domain/merchant/membership-view'
import './membership-status.scss'

// Where a clerk's binding stands, in words a shop assistant understands. The station refusing a
// request and the station revoking a clerk both end as 'revoked': the clerk is told plainly that
// this phone cannot open the shop's cases, and whom to ask.
const HEADLINES: Record<MyMembership['status'], string> = {
  pending: '已提交，等待维权站审核',
  active: '已通过审核，可以处理本店投诉',
  revoked: '未通过审核或已解除绑定',
}

const EXPLANATIONS: Record<MyMembership['status'], string> = {
  pending: '维权站审核通过后，点「刷新状态」即可进入商户工作台。',
  active: '顾客的投诉会出现在商户工作台，请在承诺时限内答复。',
  revoked: '此手机不能查看本店投诉。如有疑问，请联系商场维权站。',
}

export function MembershipStatus({ membership }: { membership: MyMembership }) {
  return (
    <View className={`membership-status membership-status--${membership.status}`} data-status={membership.status}>
      <View className="membership-status__shop">
        {membership.merchantName}
        {membership.siteName ? <View className="membership-status__site">{membership.siteName}</View> : null}
      </View>
      <View className="membership-status__headline" role="heading" aria-level={2}>
        {HEADLINES[membership.status]}
      </View>
      <View className="membership-status__text">{EXPLANATIONS[membership.status]}</View>
    </View>
  )
}

/** The binding to show: the one just requested, else an active one, else the newest. */
export function pickMembership(items: MyMembership[], preferredId?: string): MyMembership | null {
  return items.find((m) => m.membershipId === preferredId) ?? items.find((m) => m.status === 'active') ?? items[items.length - 1] ?? null
}
