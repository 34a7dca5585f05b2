import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { InfoBlock } from '../../../components/info-block'
import { PageShell } from '../../../components/page-shell'
import { NEXT_STEP_AFTER_SUBMIT } from '../../../domain/labels'
import { PAGES, decodeParam } from '../../routes'
import './index.scss'

// The receipt. The case number is what a person reads out on the phone or writes down, so it is
// the largest thing on the page and can be copied with one press.
export default function SubmittedPage() {
  const { params } = useRouter()
  const caseNo = decodeParam(params.caseNo)
  const [copied, setCopied] = useState(false)

  const copy = async () => {
    try {
      await Taro.setClipboardData({ data: caseNo })
      setCopied(true)
    } catch {
      setCopied(false) // the number stays on screen to write down
    }
  }

  return (
    <PageShell title="投诉已提交" className="submitted">
      <InfoBlock label="案件编号" tone="accent">
        <View className="case-no">{caseNo}</View>
      </InfoBlock>
      <InfoBlock label="下一步">
        <View className="submitted__next">{NEXT_STEP_AFTER_SUBMIT}</View>
        <View className="submitted__tip">请记下案件编号，可随时在“我的投诉”中查看处理进度。</View>
      </InfoBlock>
      <View className="submitted__actions">
        <ActionButton label="查看我的投诉" onPress={() => Taro.navigateTo({ url: PAGES.mine })} />
        <ActionButton label="复制案件编号" variant="secondary" onPress={() => void copy()} />
        <View className="submitted__copied" role="status">
          {copied ? '已复制案件编号' : ''}
        </View>
      </View>
    </PageShell>
  )
}
