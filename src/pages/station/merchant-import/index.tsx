import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { ErrorBanner } from '../../../components/feedback'
import { PageShell } from '../../../components/page-shell'
import type { ActionOutput } from '../../../domain/api/contract'
import { isSignedOut } from '../../../hooks/use-signed-out-redirect'
import { MERCHANT_CSV_COLUMNS, TEMPLATE_HEADER_LINE } from '../../../domain/merchant/merchant-csv-columns'
import { backTo, registryUrl, REGISTRY_PAGES, useRegistrySite } from '../merchants/paths'
import { CsvField } from './csv-field'
import { CsvFileInput } from './csv-file-input'
import { ImportResult } from './import-result'
import './index.scss'

// A whole mall at once: staff paste the table (or choose the CSV file on the desk), import, and
// see how many shops were added or updated and every row that was left out with its reasons.
type Outcome = ActionOutput<'registry', 'importMerchantsCsv'>
const REQUIRED = MERCHANT_CSV_COLUMNS.filter((c) => c.required)
  .map((c) => c.header)
  .join('、')

export default function StationMerchantImport() {
  const siteId = useRegistrySite() // an administrator imports into the site it chose
  const [csv, setCsv] = useState('')
  const [fileName, setFileName] = useState('')
  const [error, setError] = useState('')
  const [banner, setBanner] = useState('')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  const submit = async () => {
    setError('')
    setBanner('')
    setOutcome(null)
    setBusy(true)
    const result = await call('registry', 'importMerchantsCsv', siteId ? { csv, siteId } : { csv })
    setBusy(false)
    if (result.ok) return setOutcome(result.data)
    if (isSignedOut(result.error)) return Taro.redirectTo({ url: '/pages/station/login/index?next=board' })
    // CSV_UNREADABLE and an empty box say what is wrong with the table: under the box
    if (result.error.fields?.csv) setError(result.error.fields.csv)
    else setBanner(result.error.message)
  }

  return (
    <PageShell title="导入商户（CSV）" wide className="merchant-import">
      <View className="merchant-import__help">
        <View>第一行是表头，之后每行一家商户。表头：</View>
        <View className="merchant-import__header">{TEMPLATE_HEADER_LINE}</View>
        <View>必填：{REQUIRED}。「已签署双承诺」填 是 或 否。已登记的商户按统一社会信用代码更新，不会重复新增。</View>
      </View>
      <CsvFileInput
        onText={(text, name) => {
          setCsv(text)
          setFileName(name)
          setError('')
          setOutcome(null)
        }}
      />
      {fileName ? <View className="merchant-import__file">已读取文件：{fileName}</View> : null}
      <CsvField
        value={csv}
        onChange={(v) => {
          setCsv(v)
          setError('')
        }}
        error={error}
      />
      <ErrorBanner message={banner} />
      <ActionButton label="开始导入" busy={busy} busyText="正在导入…" disabled={!csv.trim()} onPress={() => void submit()} />
      {outcome ? <ImportResult result={outcome} /> : null}
      <ActionButton label="返回商户列表" variant="quiet" onPress={() => backTo(registryUrl(REGISTRY_PAGES.merchants, siteId))} />
    </PageShell>
  )
}
