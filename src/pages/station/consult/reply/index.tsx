import { Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useMemo, useState } from 'react'
import { call } from '../../../../api'
import { ActionButton } from '../../../../components/action-button'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { ErrorBanner, LoadingState } from '../../../../components/feedback'
import { InfoBlock } from '../../../../components/info-block'
import { describedBy, fieldIds, FormField } from '../../../../components/form-field'
import { PageShell } from '../../../../components/page-shell'
import { RemoteStatus } from '../../../../components/remote-status'
import { TextField } from '../../../../components/text-field'
import { REPLY_LIBRARY, replyTextOf, searchReplies, type ReplyEntry } from '../../../../domain/consult/reply-library'
import { useRemote } from '../../../../hooks/use-remote'
import { useSignedOutRedirect } from '../../../../hooks/use-signed-out-redirect'
import { decodeParam } from '../../../routes'
import { ConsultDetail } from '../../../consumer/consult/consult-detail'
import '../../../consumer/consult/consult.scss'

// One consultation for the station: the question, then the reply library — the entries that match
// the question first, searchable — a chosen entry goes into the editor, staff edit it and send it.
// Or 转为投诉: the person is asked to confirm a prefilled complaint. Both close it; both ask first.
export default function ConsultReplyPage() {
  const { params } = useRouter()
  const id = decodeParam(params.id)
  const load = useCallback(() => call('station', 'getConsultation', { consultationId: id }), [id])
  const { state, retry, reload } = useRemote(load)
  const signedOut = useSignedOutRedirect(state)
  const [search, setSearch] = useState('')
  const [text, setText] = useState('')
  const [entryId, setEntryId] = useState<string | null>(null)
  const [confirm, setConfirm] = useState<'answer' | 'convert' | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const question = state.status === 'ready' ? state.data.question : ''
  const picks = useMemo(() => {
    const found = searchReplies(search || question, 6)
    return found.length ? found : REPLY_LIBRARY.slice(0, 6)
  }, [search, question])

  if (signedOut || state.status === 'loading') {
    return (
      <PageShell title="答复咨询" wide>
        <LoadingState />
      </PageShell>
    )
  }
  if (state.status === 'failed') {
    return (
      <PageShell title="答复咨询" wide>
        <RemoteStatus state={state} onRetry={retry} />
      </PageShell>
    )
  }
  const view = state.data
  const pick = (entry: ReplyEntry) => {
    setText(replyTextOf(entry))
    setEntryId(entry.id)
  }
  const send = async (kind: 'answer' | 'convert') => {
    setConfirm(null)
    setBusy(true)
    setError('')
    const r =
      kind === 'answer'
        ? await call('station', 'answerConsultation', { consultationId: view.id, text, entryId })
        : await call('station', 'convertConsultation', { consultationId: view.id, note: '' })
    setBusy(false)
    if (!r.ok) return setError(r.error.fields?.text ?? r.error.message)
    await reload()
  }
  const ids = fieldIds('replyText')
  return (
    <PageShell title="答复咨询" wide className="consult-reply">
      <ConsultDetail view={view} own={false} forStaff />
      <InfoBlock label="联系方式">
        {view.contact ? `${view.contact.name || '（未留称呼）'} ${view.contact.phone}` : '匿名咨询，未留联系方式'}
      </InfoBlock>
      {view.status === 'received' ? (
        <View className="consult-reply__work">
          <View className="consult-page__answers-title consult-reply__title" role="heading" aria-level={2}>
            从常见问题中选择答复
          </View>
          <TextField
            name="replySearch"
            label="查找常见问题"
            value={search}
            onChange={setSearch}
            maxlength={40}
            inputMode="search"
            autoComplete="off"
          />
          <View role="list" aria-label="可选的常见问题答复">
            {picks.map((entry) => (
              <View role="listitem" key={entry.id} className="consult-reply__pick">
                <ActionButton
                  label={`选用：${entry.question}`}
                  variant={entryId === entry.id ? 'primary' : 'secondary'}
                  onPress={() => pick(entry)}
                />
              </View>
            ))}
          </View>
          <FormField name="replyText" label="答复内容（可修改后发送）" hint="发送后咨询人会在“我的投诉”中看到">
            <Textarea
              className="field-box consult-reply__editor"
              value={text}
              maxlength={2000}
              autoHeight={false}
              onInput={(e) => setText(e.detail.value)}
              nativeProps={{
                id: ids.control,
                'aria-label': '答复内容（可修改后发送）',
                'aria-describedby': describedBy('replyText', undefined, true),
              }}
            />
          </FormField>
          <ErrorBanner message={error} />
          <ActionButton label="发送答复" busy={busy} busyText="正在发送…" disabled={!text.trim()} onPress={() => setConfirm('answer')} />
          <ActionButton label="转为投诉" variant="secondary" disabled={busy} onPress={() => setConfirm('convert')} />
        </View>
      ) : null}
      {confirm ? (
        <ConfirmDialog
          title={confirm === 'answer' ? '发送答复？' : '转为投诉？'}
          message={
            confirm === 'answer'
              ? '发送后咨询即办结，咨询人会看到这条答复，发送后不能修改。'
              : '咨询将以“转为投诉”办结，咨询人会收到提示，确认后由其本人提交投诉。'
          }
          confirmLabel={confirm === 'answer' ? '确认发送' : '确认转为投诉'}
          onConfirm={() => void send(confirm)}
          onCancel={() => setConfirm(null)}
        />
      ) : null}
      <ActionButton label="返回咨询列表" variant="secondary" onPress={() => Taro.navigateBack()} />
    </PageShell>
  )
}
