import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { EmptyState, LoadingState } from '../../../components/feedback'
import { PageShell } from '../../../components/page-shell'
import { RadioGroupField } from '../../../components/radio-group'
import { RemoteStatus } from '../../../components/remote-status'
import { useRemote } from '../../../hooks/use-remote'
import { useSignedOutRedirect } from '../../../hooks/use-signed-out-redirect'
import { withQuery } from '../../routes'
import { ConsultList } from '../../consumer/consult/consult-card'
import { STATION_CONSULT_REPLY_PAGE } from '../../consumer/consult/paths'

// The station's 咨询 list, beside the board (which counts complaints and reports only): the site's
// consultations waiting for an answer by default, or all of them, newest first.
type Scope = 'open' | 'all'

export default function StationConsultations() {
  const [scope, setScope] = useState<Scope>('open')
  const load = useCallback(() => call('station', 'listConsultations', { scope }), [scope])
  const { state, retry } = useRemote(load, { refreshOnShow: true })
  const signedOut = useSignedOutRedirect(state)
  if (signedOut) {
    return (
      <PageShell title="咨询" wide>
        <LoadingState />
      </PageShell>
    )
  }
  const heading = scope === 'open' ? '待答复的咨询' : '全部咨询'
  return (
    <PageShell title="咨询" wide className="station-consults">
      <RadioGroupField<Scope>
        name="consultScope"
        label="显示"
        value={scope}
        options={[
          { value: 'open', label: '待答复' },
          { value: 'all', label: '全部' },
        ]}
        onChange={setScope}
      />
      <RemoteStatus state={state} onRetry={retry} />
      {state.status === 'ready' ? (
        <View>
          <View className="station-consults__heading" role="heading" aria-level={2} aria-live="polite">
            {state.data.siteName ? `${state.data.siteName} · ` : ''}
            {heading}（{state.data.items.length}）
          </View>
          {state.data.items.length ? (
            <ConsultList
              items={state.data.items}
              label={`${heading}列表`}
              onOpen={(item) => Taro.navigateTo({ url: withQuery(STATION_CONSULT_REPLY_PAGE, { id: item.id }) })}
            />
          ) : (
            <EmptyState text={scope === 'open' ? '没有待答复的咨询' : '还没有咨询'} />
          )}
        </View>
      ) : null}
      <ActionButton label="返回工作台" variant="secondary" onPress={() => Taro.navigateBack()} />
    </PageShell>
  )
}
