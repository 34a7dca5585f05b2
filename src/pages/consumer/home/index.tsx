import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ActionButton } from '../../../components/action-button'
import { CallHuman } from '../../../components/call-human'
import { InboxLink } from '../../../components/inbox-link'
import { PageShell } from '../../../components/page-shell'
import { activateProps } from '../../../hooks/use-activate'
import { PAGES } from '../../routes'
import { CONSULT_PAGE } from '../consult/paths'
import { scanShop } from './scan-shop'
import { StaffEntry } from './staff-entry'
import './index.scss'

// Where a person lands without a shop's QR code: how to start, finding the shop by name, their
// own cases with their messages (消息, with the unread count), and a lookup by case number and query code (from any phone).
// the blue card does something on both platforms: scans in WeChat, finds the shop by name on the web
const HERO_TAP = process.env.TARO_ENV === 'h5' ? '没有二维码？点这里按名称找商户 ›' : '点这里扫码 ›'
const HERO_LABEL =
  process.env.TARO_ENV === 'h5' ? '在店内扫描二维码投诉；没有二维码？点这里按名称找商户' : '在店内扫描二维码投诉：点这里扫码'

export default function ConsumerHome() {
  return (
    <PageShell title="快诉 · 消费投诉" className="consumer-home" elderlySwitch>
      <View
        className="consumer-home__hero"
        role="button"
        tabIndex={0}
        aria-label={HERO_LABEL}
        hoverClass="consumer-home__hero--pressed"
        {...activateProps(() => void scanShop(), 'button')}
      >
        <View className="consumer-home__badge" aria-hidden>
          扫
        </View>
        <View className="consumer-home__lead" aria-hidden>
          在店内扫描二维码，即可对该商户投诉
          <View className="consumer-home__tap">{HERO_TAP}</View>
        </View>
      </View>
      <View className="consumer-home__intro">
        <View className="consumer-home__how">怎么投诉</View>
        <View className="consumer-home__steps">
          <View className="consumer-home__step">1. 找到店内张贴的“快诉”二维码</View>
          <View className="consumer-home__step">2. 用微信扫一扫，写下发生了什么</View>
          <View className="consumer-home__step">3. 提交后立即得到案件编号和查询码，可随时查看进度</View>
        </View>
      </View>
      <ActionButton label="找不到二维码？搜索商户投诉" onPress={() => Taro.navigateTo({ url: PAGES.complain })} />
      {/* 咨询 (issue 17): a question, not a complaint — the most asked answers first, then ask the station */}
      <ActionButton label="我要咨询" variant="secondary" onPress={() => Taro.navigateTo({ url: CONSULT_PAGE })} />
      <InboxLink as="consumer" className="consumer-home__inbox" />
      <ActionButton label="我的投诉" variant="secondary" onPress={() => Taro.navigateTo({ url: PAGES.mine })} />
      <ActionButton label="用编号和查询码查进度" variant="secondary" onPress={() => Taro.navigateTo({ url: PAGES.lookup })} />
      {/* 投诉信息公示 (issue 19.2): which shops are complained about, and how they answer */}
      <ActionButton label="投诉信息公示" variant="secondary" onPress={() => Taro.navigateTo({ url: PAGES.publicRecords })} />
      <CallHuman />
      <View className="consumer-home__urgent">遇到人身安全等紧急情况，请拨打110或12315</View>
      <StaffEntry />
    </PageShell>
  )
}
