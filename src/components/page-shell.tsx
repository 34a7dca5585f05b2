import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useElderlyMode } from '../hooks/use-elderly-mode'
import { ElderlySwitch } from './elderly-switch'
import './page-shell.scss'

// Every page: one main region, one level-1 heading (Taro's View is a div, so the role and level
// are spelled out), then the page's content. `wide` is for the staff desk pages. The root carries
// `page--elderly` in 大字模式 (styles/_elderly.scss), and `elderlySwitch` puts the switch beside
// the title on pages where people who need it will look.
interface Props {
  title: string
  children?: ReactNode
  wide?: boolean
  className?: string
  elderlySwitch?: boolean
}

export function PageShell({ title, children, wide, className, elderlySwitch }: Props) {
  const [elderly] = useElderlyMode()
  return (
    <View className={`page ${wide ? 'page--wide' : ''} ${elderly ? 'page--elderly' : ''} ${className ?? ''}`} role="main">
      <View className="page__head">
        <View className="page__title" role="heading" aria-level={1}>
          {title}
        </View>
        {elderlySwitch ? <ElderlySwitch /> : null}
      </View>
      {children}
    </View>
  )
}
