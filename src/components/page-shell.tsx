import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './page-shell.scss'

// Every page: one main region, one level-1 heading (Taro's View is a div, so the role and level
// are spelled out), then the page's content. `wide` is for the staff desk pages.
interface Props {
  title: string
  children?: ReactNode
  wide?: boolean
  className?: string
}

export function PageShell({ title, children, wide, className }: Props) {
  return (
    <View className={`page ${wide ? 'page--wide' : ''} ${className ?? ''}`} role="main">
      <View className="page__title" role="heading" aria-level={1}>
        {title}
      </View>
      {children}
    </View>
  )
}
