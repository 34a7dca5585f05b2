import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useEffect, useState } from 'react'
import { activateProps } from '../hooks/use-activate'
import './disclosure.scss'

// A folded part of a form (消费情况（选填）): a heading whose button opens and closes it, with
// aria-expanded and aria-controls for screen readers and Enter/Space for keyboards. It opens by
// itself when `open` says there is something inside to see (values kept in the draft, an error),
// and then stays open: nothing typed is ever hidden away again.
interface Props {
  id: string
  title: string
  /** a short line under the title while folded: what is inside */
  summary?: string
  /** forced open: something inside is filled in or has an error */
  open?: boolean
  children: ReactNode
}

export function Disclosure({ id, title, summary, open, children }: Props) {
  const [opened, setOpened] = useState(!!open)
  useEffect(() => {
    if (open) setOpened(true)
  }, [open])
  const shown = opened || !!open
  const regionId = `${id}-region`
  return (
    <View className={`form-card disclosure ${shown ? 'disclosure--open' : ''}`} id={id}>
      <View role="heading" aria-level={2} className="disclosure__heading">
        <View
          className="disclosure__toggle"
          role="button"
          tabIndex={0}
          aria-expanded={shown ? 'true' : 'false'}
          aria-controls={regionId}
          {...activateProps(() => setOpened(!shown), 'button')}
        >
          <View className="disclosure__title">{title}</View>
          <View className="disclosure__mark" aria-hidden>
            {shown ? '收起 ▲' : '展开 ▼'}
          </View>
        </View>
      </View>
      {!shown && summary ? <View className="disclosure__summary">{summary}</View> : null}
      <View id={regionId} className="disclosure__region">
        {shown ? children : null}
      </View>
    </View>
  )
}
