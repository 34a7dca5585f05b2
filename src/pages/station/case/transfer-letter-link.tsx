import Taro from '@tarojs/taro'
import { ActionButton } from '../../../components/action-button'
import type { CaseDetail } from '../../../domain/case-view.schema'
import { pendingTransfer } from '../../../domain/workflow/transfer'
import { PAGES, withQuery } from '../../routes'

// 打印移送函: offered while a transfer to a department, the police or a bureau elsewhere is out
// (transfer.ts pendingTransfer, read from the timeline). A move within the system needs no letter.
export function TransferLetterLink({ caseId, timeline }: { caseId: string; timeline: CaseDetail['timeline'] }) {
  const out = pendingTransfer(timeline)
  if (!out || out.destination === 'site') return null
  return (
    <ActionButton
      label="打印移送函"
      variant="secondary"
      onPress={() => Taro.navigateTo({ url: withQuery(PAGES.transferLetter, { caseId }) })}
    />
  )
}
