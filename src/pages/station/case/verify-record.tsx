import { View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'

// 「校验记录完整性」: the server checks this case's record (hash chain, signatures, the case row
// against its last event, the last anchored head) and says in one sentence what it found; the check
// itself is on record in the access log.
type Outcome = { intact: boolean; text: string; notes: string[] }

export function VerifyRecord({ caseId }: { caseId: string }) {
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const verify = async () => {
    setBusy(true)
    const result = await call('station', 'verifyCase', { caseId })
    setBusy(false)
    setOutcome(
      result.ok
        ? { intact: result.data.intact, text: result.data.summary, notes: result.data.notes }
        : { intact: false, text: `未能校验：${result.error.message}`, notes: [] },
    )
  }
  return (
    <View className="station-case__verify">
      <ActionButton label="校验记录完整性" variant="secondary" busy={busy} busyText="正在校验…" onPress={() => void verify()} />
      {outcome ? (
        <View className={`station-case__verify-result ${outcome.intact ? '' : 'station-case__verify-result--bad'}`} role="status">
          {outcome.text}
          {outcome.notes.map((n) => (
            <View key={n} className="station-case__verify-note">
              {n}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
