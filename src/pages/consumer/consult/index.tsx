import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useMemo, useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { CallHuman } from '../../../components/call-human'
import { CopyValue } from '../../../components/copy-value'
import { FormSection } from '../../../components/form-section'
import { InfoBlock } from '../../../components/info-block'
import { PageShell } from '../../../components/page-shell'
import { RemoteStatus } from '../../../components/remote-status'
import { searchReplies, TOP_REPLIES } from '../../../domain/consult/reply-library'
import { useRemote } from '../../../hooks/use-remote'
import { decodeParam, PAGES, withQuery } from '../../routes'
import { merchantCodeFromParams } from '../complain/merchant-code'
import { AskForm, type ConsultReceipt } from './ask-form'
import { ConsultDetail } from './consult-detail'
import { CONSULT_PAGE } from './paths'
import { ReplyAnswers } from './reply-answers'
import './consult.scss'

// 我要咨询. With `id`: one of my consultations (from 我的投诉). Otherwise: the most asked answers
// from the reply library before anyone types, narrowed as they type; then, if the answer is not
// there, the question goes to the station (anonymous unless they leave a contact). From a shop's
// QR code (`m`) the consultation is about that shop.
function MyConsultation({ id }: { id: string }) {
  const load = useCallback(() => call('consumer', 'getMyConsultation', { consultationId: id }), [id])
  const { state, retry } = useRemote(load, { refreshOnShow: true })
  return (
    <PageShell title="我的咨询" elderlySwitch>
      <RemoteStatus state={state} onRetry={retry} />
      {state.status === 'ready' ? <ConsultDetail view={state.data} own /> : null}
      <CallHuman />
    </PageShell>
  )
}

function Asked({ receipt }: { receipt: ConsultReceipt }) {
  return (
    <FormSection title="咨询已提交" note={`${receipt.siteName}维权站会在这里答复您`}>
      <InfoBlock label="咨询编号" tone="accent">
        <View className="consult-page__receipt-no">{receipt.consultNo}</View>
      </InfoBlock>
      <CopyValue label="查询码" value={receipt.queryCode} note="请记下查询码：换了手机也能用编号和查询码查看答复" />
      <ActionButton
        label="查看我的咨询"
        onPress={() => Taro.redirectTo({ url: withQuery(CONSULT_PAGE, { id: receipt.consultationId }) })}
      />
      <ActionButton label="返回首页" variant="secondary" onPress={() => Taro.reLaunch({ url: PAGES.consumerHome })} />
    </FormSection>
  )
}

function Ask({ merchantCode }: { merchantCode: string | null }) {
  const [query, setQuery] = useState('')
  const [receipt, setReceipt] = useState<ConsultReceipt | null>(null)
  const answers = useMemo(() => searchReplies(query, query.trim() ? 8 : TOP_REPLIES), [query])
  if (receipt) {
    return (
      <PageShell title="我要咨询" elderlySwitch>
        <Asked receipt={receipt} />
      </PageShell>
    )
  }
  return (
    <PageShell title="我要咨询" className="consult-page" elderlySwitch>
      <AskForm
        merchantCode={merchantCode}
        question={query}
        onQuestion={setQuery}
        onAsked={setReceipt}
        answers={
          <View className="consult-page__answers" aria-live="polite">
            <View className="consult-page__answers-title" role="heading" aria-level={2}>
              {query.trim() ? '相关答案' : '常见问题'}
            </View>
            <ReplyAnswers entries={answers} emptyText="没有找到相关答案，可以在下面直接向维权站咨询" />
          </View>
        }
      />
      <CallHuman />
    </PageShell>
  )
}

export default function ConsultPage() {
  const { params } = useRouter()
  const id = decodeParam(params.id)
  if (id) return <MyConsultation id={id} />
  return <Ask merchantCode={merchantCodeFromParams(params) || null} />
}
