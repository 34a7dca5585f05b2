import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { ErrorBanner } from '../../../components/feedback'
import { InfoBlock } from '../../../components/info-block'
import type { CaseTagsView } from '../../../domain/tags/tags-api'
import { formatShanghaiDateTime } from '../../../domain/time'
import { activateProps } from '../../../hooks/use-activate'
import './case-tags-panel.scss'

// 标签 at the desk (docs/tags.md): the tags proposed from the complaint's text are pre-selected and
// marked 建议; staff add or remove chips (toggle buttons with aria-pressed, reachable by keyboard) and
// press 确认标签. The confirmation is recorded with who and when; only confirmed tags filter the
// board. Confirming again replaces the set, so nothing here needs a confirmation dialog.
type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; view: CaseTagsView }

export function CaseTagsPanel({ caseId }: { caseId: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' })
  const [chosen, setChosen] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [done, setDone] = useState('')

  const show = (view: CaseTagsView) => {
    setState({ kind: 'ready', view })
    setChosen(view.confirmed ?? view.proposed)
  }
  useEffect(() => {
    let live = true
    void call('station', 'caseTags', { caseId }).then((r) => {
      if (!live) return
      if (r.ok) show(r.data)
      else setState({ kind: 'failed', message: r.error.message })
    })
    return () => {
      live = false
    }
  }, [caseId])

  const toggle = (id: string) => {
    setDone('')
    setChosen((now) => (now.includes(id) ? now.filter((t) => t !== id) : [...now, id]))
  }
  const confirm = async () => {
    setBusy(true)
    setError('')
    const r = await call('station', 'confirmTags', { caseId, tagIds: chosen })
    setBusy(false)
    if (!r.ok) {
      setError(r.error.fields?.tagIds ?? r.error.message)
      return
    }
    show(r.data)
    setDone(r.data.confirmed?.length ? `已确认 ${r.data.confirmed.length} 个标签` : '已确认：本案不加标签')
  }

  if (state.kind !== 'ready') {
    return (
      <InfoBlock label="标签" className="station-case__tags">
        <View role="status">{state.kind === 'loading' ? '正在读取标签…' : `暂时无法查看标签：${state.message}`}</View>
      </InfoBlock>
    )
  }
  const { view } = state
  const proposed = new Set(view.proposed)
  return (
    <InfoBlock label="标签" className="station-case__tags">
      <View className="station-case__tags-state">
        {view.confirmedAt
          ? `已由 ${view.confirmedBy ?? ''} 于 ${formatShanghaiDateTime(view.confirmedAt)} 确认`
          : view.proposed.length > 0
            ? '标有「建议」的是根据投诉内容建议的标签，尚未确认。'
            : '尚未确认标签。'}
      </View>
      <View className="station-case__tag-chips" role="group" aria-label="选择标签">
        {view.tags.map((t) => {
          const on = chosen.includes(t.id)
          const name = `${t.name}${proposed.has(t.id) ? '（建议）' : ''}${t.active ? '' : '（已停用）'}`
          return (
            <View
              key={t.id}
              className={`station-case__tag-chip ${on ? 'station-case__tag-chip--on' : ''}`}
              role="button"
              tabIndex={0}
              aria-pressed={on}
              aria-label={name}
              {...activateProps(() => toggle(t.id), 'button')}
            >
              {on ? '✓ ' : ''}
              {t.name}
              {proposed.has(t.id) ? <View className="station-case__tag-proposed">建议</View> : null}
            </View>
          )
        })}
      </View>
      <ErrorBanner message={error || undefined} />
      {done ? (
        <View className="station-case__tags-done" role="status">
          {done}
        </View>
      ) : null}
      <ActionButton label="确认标签" busy={busy} busyText="正在确认…" onPress={() => void confirm()} />
    </InfoBlock>
  )
}
