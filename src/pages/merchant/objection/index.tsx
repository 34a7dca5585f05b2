import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { EmptyState, ErrorBanner } from '../../../components/feedback'
import { ObjectionCard } from '../../../components/objection-card'
import { PageShell } from '../../../components/page-shell'
import { ReasonField } from '../../../components/reason-field'
import { RemoteStatus } from '../../../components/remote-status'
import { useRemote } from '../../../hooks/use-remote'
import { PAGES } from '../../routes'
import './index.scss'

// 公示异议 (docs/public-records.md): the shop objects to its entry on the public page, with a reason;
// the station checks it and decides. An objection cannot be taken back, so sending it asks first.
export default function MerchantObjection() {
  const load = useCallback(() => call('merchant', 'myObjections', {}), [])
  const { state, reload, retry } = useRemote(load, { refreshOnShow: true })
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')
  const [banner, setBanner] = useState('')
  const [done, setDone] = useState('')
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)

  const send = async () => {
    setBusy(true)
    const r = await call('merchant', 'fileObjection', { reason })
    setBusy(false)
    setAsking(false)
    if (!r.ok) {
      setError(r.error.fields?.reason ?? '')
      setBanner(r.error.fields ? '' : r.error.message)
      return
    }
    setReason('')
    setDone('异议已提交，维权站核实后会在这里告知处理结果。')
    void reload()
  }

  const items = state.status === 'ready' ? state.data.items : []
  const pending = items.some((o) => o.status === 'pending')
  return (
    <PageShell title="投诉信息公示异议" className="merchant-objection" elderlySwitch>
      <View className="merchant-objection__intro">
        本店在投诉信息公示中的数据如有错误，可以说明理由提出异议。维权站核实后：异议成立的，撤下有误的公示数据；不成立的，继续公示。
      </View>
      <ActionButton label="查看投诉信息公示" variant="secondary" onPress={() => Taro.navigateTo({ url: PAGES.publicRecords })} />
      {pending ? (
        <View className="merchant-objection__note">已有一条异议正在核实，处理完毕后才能再次提出。</View>
      ) : (
        <>
          <ReasonField
            label="异议理由"
            name="objectionReason"
            value={reason}
            onChange={(v) => {
              setReason(v)
              setError('')
            }}
            error={error}
            autoFocus={false}
            placeholder="例如：其中两件是同一位顾客重复提交的投诉"
          />
          <ErrorBanner message={banner} />
          <ActionButton label="提交异议" busy={busy} busyText="正在提交…" onPress={() => setAsking(true)} />
        </>
      )}
      {done ? (
        <View className="merchant-objection__done" role="status">
          {done}
        </View>
      ) : null}
      <View className="merchant-objection__section" role="heading" aria-level={2}>
        本店的异议
      </View>
      <RemoteStatus state={state} onRetry={retry} />
      {state.status === 'ready' && items.length === 0 ? <EmptyState text="还没有提出过异议" /> : null}
      {items.length ? (
        <View role="list" aria-label="本店的异议">
          {items.map((item) => (
            <View role="listitem" key={item.id}>
              <ObjectionCard item={item} />
            </View>
          ))}
        </View>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title="提交异议？"
          message="异议提交后不能撤回，维权站会核实并给出处理意见。"
          facts={[`异议理由：${reason.trim()}`]}
          confirmLabel="确认提交"
          busy={busy}
          onConfirm={() => void send()}
          onCancel={() => setAsking(false)}
        />
      ) : null}
    </PageShell>
  )
}
