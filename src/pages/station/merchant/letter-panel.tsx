import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { ChoiceGroup } from '../../../components/choice-group'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { TextField } from '../../../components/text-field'
import { DELIVERY_METHODS, type DeliveryMethod } from '../../../domain/letters/letter-delivery.schema'
import { formatShanghaiDateTime, shanghaiParts } from '../../../domain/time'
import { useRemote } from '../../../hooks/use-remote'
import { decodeParam } from '../../routes'
import { openLetterPdf } from './letter-pdf'

// 消费投诉分析建议书 of this shop (docs/analysis-letters.md): print the quarter's letter (on the desk the host's
// PDF route; on the mini-program station.letterPdf makes it into storage, then it is downloaded and opened) and
// record how it reached the shop — which also tells the shop's inbox and clears it from 待送达建议书. Recording
// cannot be undone, so it asks for confirmation first. Opened from 待送达建议书, the page names the quarter.
const API_BASE = process.env.TARO_APP_API_BASE || ''

function lastQuarter(now: Date): string {
  const p = shanghaiParts(now)
  const q = Math.ceil(p.month / 3) - 1
  return q === 0 ? `${p.year - 1}-Q4` : `${p.year}-Q${q}`
}

const QUARTER = /^20\d{2}-Q[1-4]$/

export function LetterPanel({ merchantId }: { merchantId: string }) {
  const asked = decodeParam(useRouter().params.quarter)
  const [quarter, setQuarter] = useState(() => (QUARTER.test(asked) ? asked : lastQuarter(new Date())))
  const [making, setMaking] = useState(false)
  const [method, setMethod] = useState<DeliveryMethod>('打印面交')
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [saved, setSaved] = useState('')
  const load = useCallback(() => call('station', 'listLetterDeliveries', { merchantId }), [merchantId])
  const { state, reload } = useRemote(load)
  const q = quarter.trim().toUpperCase()

  const print = async () => {
    const path = `/export/letter.pdf?merchantId=${encodeURIComponent(merchantId)}&quarter=${encodeURIComponent(q)}`
    if (process.env.TARO_ENV === 'h5') return void window.open(API_BASE + path, '_blank')
    setMaking(true)
    setError('')
    const opened = await openLetterPdf(merchantId, q)
    setMaking(false)
    if (!opened.ok) setError(opened.error.fields?.quarter ?? opened.error.message)
  }
  const record = async () => {
    setBusy(true)
    const result = await call('station', 'recordLetterDelivery', { merchantId, quarter: q, method })
    setBusy(false)
    setAsking(false)
    if (!result.ok) return setError(result.error.fields?.quarter ?? result.error.message)
    setError('')
    setSaved(`已登记送达：${q}，${method}`)
    void reload()
  }

  return (
    <View className="letter-panel">
      <TextField name="letter-quarter" label="季度" hint="例如 2026-Q1" value={quarter} onChange={setQuarter} maxlength={7} />
      <ActionButton label="打印分析建议书" variant="secondary" busy={making} busyText="正在生成…" onPress={() => void print()} />
      <View className="letter-panel__heading" id="letter-method">
        送达方式
      </View>
      <ChoiceGroup
        label="送达方式"
        labelledBy="letter-method"
        value={method}
        options={DELIVERY_METHODS.map((m) => ({ value: m, label: m }))}
        onChange={setMethod}
      />
      <View className="letter-panel__submit">
        <ActionButton label="登记送达" onPress={() => setAsking(true)} />
      </View>
      {making ? (
        <View className="letter-panel__saved" role="status">
          正在生成分析建议书，请稍候…
        </View>
      ) : null}
      {error ? (
        <View className="letter-panel__error" role="alert">
          {error}
        </View>
      ) : null}
      {saved ? (
        <View className="letter-panel__saved" role="status">
          {saved}
        </View>
      ) : null}
      {state.status === 'ready' && state.data.length ? (
        <View role="list" aria-label="送达记录">
          {state.data.map((d) => (
            <View role="listitem" key={d.id} className="letter-panel__row">
              {d.quarter} · {d.method} · {formatShanghaiDateTime(d.deliveredAt)}
            </View>
          ))}
        </View>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title="登记送达？"
          message="登记后无法撤销，商户将收到「您有一份消费投诉分析建议书」的消息。"
          facts={[`季度：${q}`, `送达方式：${method}`]}
          confirmLabel="确认登记"
          busy={busy}
          onConfirm={() => void record()}
          onCancel={() => setAsking(false)}
        />
      ) : null}
    </View>
  )
}
