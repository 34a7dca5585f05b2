import { View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../../../api'
import { ActionButton } from '../../../../components/action-button'
import { ErrorBanner } from '../../../../components/feedback'
import type { ActionOutput } from '../../../../domain/api/contract'
import { formatShanghaiDateTime } from '../../../../domain/time'
import { BindingQr } from './binding-qr'

// A one-time binding code for the account: shown large (in groups of four, to read out), and as a
// code to scan — in WeChat its mini-program code, on the desk a QR of the binding link. Only its
// hash is kept, so it is shown this once; a lost code is replaced by issuing another.
type Issued = ActionOutput<'staff', 'issueBindingCode'>

// WeChat's own scanner opens the binding page from a mini-program code; the desk's QR carries a web
// link, which only the binding page's 扫描绑定二维码 reads as a code
const HOW =
  process.env.TARO_ENV === 'weapp'
    ? '请对方用微信扫一扫扫描上面的小程序码；或在快诉首页底部点「工作人员」，输入绑定码。绑定后，该微信即以此账号工作。'
    : '请对方在微信中打开快诉，在首页底部点「工作人员」，再点「扫描绑定二维码」扫上面的码，或输入绑定码。绑定后，该微信即以此账号工作。'

const grouped = (code: string) => code.replace(/(.{4})(?=.)/g, '$1 ')

export function BindingCodePanel({ staffId, onIssued }: { staffId: string; onIssued: () => void }) {
  const [issued, setIssued] = useState<Issued | null>(null)
  const [busy, setBusy] = useState(false)
  const [banner, setBanner] = useState('')

  const issue = async () => {
    setBusy(true)
    setBanner('')
    const result = await call('staff', 'issueBindingCode', { staffId })
    setBusy(false)
    if (!result.ok) return setBanner(result.error.message)
    setIssued(result.data)
    onIssued()
  }

  return (
    <View className="admin-account__code-panel">
      {issued ? (
        <View className="admin-account__issued" role="group" aria-label="新的绑定码">
          <View className="admin-account__code-label">绑定码（只显示这一次）</View>
          <View className="admin-account__code" aria-label={`绑定码 ${issued.code.split('').join(' ')}`}>
            {grouped(issued.code)}
          </View>
          <BindingQr className="admin-account__qr" staffId={staffId} code={issued.code} />
          <View className="admin-account__expiry">有效期至 {formatShanghaiDateTime(issued.expiresAt)}，只能使用一次</View>
          <View className="admin-account__how">{HOW}</View>
        </View>
      ) : null}
      <ErrorBanner message={banner} />
      <ActionButton
        className="admin-account__issue"
        label={issued ? '再生成一个绑定码' : '生成绑定码'}
        variant={issued ? 'secondary' : 'primary'}
        busy={busy}
        busyText="正在生成…"
        onPress={() => void issue()}
      />
    </View>
  )
}
