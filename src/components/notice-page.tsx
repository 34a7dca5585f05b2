import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { PageShell } from './page-shell'
import './notice-page.scss'

// A whole page that explains a dead end in plain words (unknown shop, missing case, no network)
// and offers the way out. Never shows an error code: people cannot act on one.
interface Props {
  title: string
  message: string
  /** buttons, e.g. 返回首页 / 重试 */
  children?: ReactNode
}

export function NoticePage({ title, message, children }: Props) {
  return (
    <PageShell title={title} className="notice-page">
      <View className="notice-page__message">{message}</View>
      <View className="notice-page__actions">{children}</View>
    </PageShell>
  )
}
