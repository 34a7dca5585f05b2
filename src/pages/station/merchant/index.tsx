import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { LoadingState } from '../../../components/feedback'
import { InfoBlock } from '../../../components/info-block'
import { InvitePanel } from '../../../components/invite-panel'
import { MemberList } from '../../../components/member-list'
import { MerchantForm } from '../../../components/merchant-form'
import { MerchantRecordView } from '../../../components/merchant-record'
import { NoticePage } from '../../../components/notice-page'
import { PageShell } from '../../../components/page-shell'
import { RemoteStatus } from '../../../components/remote-status'
import { useRemote } from '../../../hooks/use-remote'
import { useSignedOutRedirect } from '../../../hooks/use-signed-out-redirect'
import { decodeParam, withQuery } from '../../routes'
import { backTo, registryUrl, REGISTRY_PAGES, useRegistrySite } from '../merchants/paths'
import { Section } from './section'
import { LetterPanel } from './letter-panel'
import './index.scss'

// One shop, for the station: its promise and record, inviting and approving its clerks, its
// poster, and its registration (edited in place; the server's Chinese errors under each field).
// Without `id` the page registers a new shop and then opens it.
export default function StationMerchant() {
  const { params } = useRouter()
  const merchantId = decodeParam(params.id)
  return merchantId ? <ExistingMerchant merchantId={merchantId} /> : <NewMerchant />
}

function NewMerchant() {
  const siteId = useRegistrySite() // an administrator registers a shop for the site it chose
  return (
    <PageShell title="新增商户" wide className="station-merchant">
      <MerchantForm
        merchant={null}
        siteId={siteId}
        onSaved={(m) => Taro.redirectTo({ url: registryUrl(REGISTRY_PAGES.merchant, siteId, { id: m.id }) })}
      />
      <ActionButton label="返回商户列表" variant="quiet" onPress={() => backTo(registryUrl(REGISTRY_PAGES.merchants, siteId))} />
    </PageShell>
  )
}

function ExistingMerchant({ merchantId }: { merchantId: string }) {
  const load = useCallback(() => call('registry', 'getMerchant', { merchantId }), [merchantId])
  const { state, reload, retry } = useRemote(load)
  const signedOut = useSignedOutRedirect(state)
  const [membersKey, setMembersKey] = useState(0)
  const siteId = useRegistrySite()
  const backToList = () => backTo(registryUrl(REGISTRY_PAGES.merchants, siteId))

  if (signedOut || state.status === 'loading') {
    return (
      <PageShell title="商户" wide>
        <LoadingState />
      </PageShell>
    )
  }
  if (state.status === 'failed') {
    if (state.error.code === 'MERCHANT_NOT_FOUND') {
      return (
        <NoticePage title="未找到该商户" message="这家商户不存在，或不属于本站。">
          <ActionButton label="返回商户列表" onPress={backToList} />
        </NoticePage>
      )
    }
    return (
      <PageShell title="商户" wide>
        <RemoteStatus state={state} onRetry={retry} />
      </PageShell>
    )
  }

  const { merchant, siteName, commitment, record, invites } = state.data
  return (
    <PageShell title={merchant.name} wide className="station-merchant">
      <InfoBlock label={`${siteName} · 商户码 ${merchant.code}`} tone="accent">
        <View className="station-merchant__meta">
          {merchant.booth ? `铺位 ${merchant.booth} · ` : ''}
          {merchant.industry}
        </View>
        <View className="station-merchant__commitment">{commitment ? `承诺：${commitment}` : '尚未签署双承诺'}</View>
      </InfoBlock>
      <Section title="经营记录">
        <MerchantRecordView record={record} />
      </Section>
      <Section title="店员邀请" card>
        <InvitePanel merchantId={merchant.id} invites={invites} onChanged={() => void reload()} />
      </Section>
      <Section title="店员" card>
        <MemberList merchantId={merchant.id} refreshKey={membersKey} />
        <ActionButton label="刷新店员列表" variant="quiet" onPress={() => setMembersKey((k) => k + 1)} />
      </Section>
      <Section title="消费投诉分析建议书" card>
        <LetterPanel merchantId={merchant.id} />
      </Section>
      <Section title="二维码海报">
        <ActionButton
          label="打印本店海报"
          variant="secondary"
          onPress={() => Taro.navigateTo({ url: withQuery(REGISTRY_PAGES.posters, { ids: merchant.id }) })}
        />
      </Section>
      <Section title="商户信息">
        <MerchantForm key={merchant.id} merchant={merchant} onSaved={() => void reload()} />
      </Section>
      <ActionButton label="返回商户列表" variant="quiet" onPress={backToList} />
    </PageShell>
  )
}
