import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { activateProps } from '../../../hooks/use-activate'
import { PAGES } from '../../routes'
import { STAFF_PAGES } from '../../staff/paths'
import './staff-entry.scss'

// The way in for the people who work with the complaints (issue 15): station, proxy and regulator
// staff, and shop clerks. Without it, in WeChat they could reach their pages only from a scanned
// code. It sits last on the home page, in muted small type, so a shopper's eye stays on the blue card.
// In WeChat staff are known by their bound OPENID, so 工作人员 opens the binding page (which shows
// 我的账号 once bound); on the web staff sign in with a password on the station login page.
const STAFF_TARGET = process.env.TARO_ENV === 'weapp' ? STAFF_PAGES.bind : PAGES.stationLogin
const STAFF_LABEL = process.env.TARO_ENV === 'weapp' ? '工作人员：绑定微信或查看我的账号' : '工作人员登录（维权站、代帮办点、监管）'

interface EntryLinkProps {
  text: string
  label: string
  url: string
  modifier: string
}

function EntryLink({ text, label, url, modifier }: EntryLinkProps) {
  return (
    <View
      className={`staff-entry__link staff-entry__link--${modifier}`}
      role="link"
      tabIndex={0}
      aria-label={label}
      hoverClass="staff-entry__link--pressed"
      {...activateProps(() => void Taro.navigateTo({ url }), 'link')}
    >
      <View aria-hidden>{text} ›</View>
    </View>
  )
}

export function StaffEntry() {
  return (
    <View className="staff-entry" role="navigation" aria-label="工作人员 / 商家入口">
      <View className="staff-entry__title" aria-hidden>
        工作人员 / 商家入口
      </View>
      <View className="staff-entry__links">
        <EntryLink text="工作人员" label={STAFF_LABEL} url={STAFF_TARGET} modifier="staff" />
        <EntryLink text="商家店员" label="商家店员：进入商户工作台" url={PAGES.merchantHome} modifier="merchant" />
      </View>
    </View>
  )
}
