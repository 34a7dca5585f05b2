import { useRouter } from '@tarojs/taro'
import { useCallback, useDeferredValue } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { LoadingState } from '../../../components/feedback'
import { NoticePage } from '../../../components/notice-page'
import { PageShell } from '../../../components/page-shell'
import { useRemote } from '../../../hooks/use-remote'
import { goHome } from '../../routes'
import { ConsumerFiling } from './consumer-filing'
import { merchantCodeFromParams } from './merchant-code'

// The page a shop's QR code opens (`m` on H5, `scene` in WeChat). It looks the shop up first: a
// bad or stale code must end in a helpful page, never in a form that cannot be submitted. Opened
// without a code (找商户投诉 on the home page) it lets the person find the shop by name.
function ScannedShop({ code }: { code: string }) {
  const load = useCallback(() => call('consumer', 'getMerchantEntry', { code }), [code])
  const { state: answer, retry } = useRemote(load)
  // The form is the largest render of the first visit (≈ 0.2 s of script on a slow phone, one long
  // task when the shop's answer arrives). Deferred, React renders it as a transition, in slices of a
  // few ms between which the phone stays responsive, while the loading state stays up (docs/first-page.md).
  const state = useDeferredValue(answer)

  if (state.status === 'loading') {
    return (
      <PageShell title="我要投诉">
        <LoadingState />
      </PageShell>
    )
  }
  if (state.status === 'failed') {
    const unknownShop = state.error.code === 'MERCHANT_NOT_FOUND' || state.error.code === 'VALIDATION_FAILED'
    if (unknownShop) {
      return (
        <NoticePage title="未找到该商户" message="二维码可能已失效，请向店内工作人员或商场服务台求助，也可拨打12315。">
          <ActionButton label="返回首页" variant="secondary" onPress={goHome} />
        </NoticePage>
      )
    }
    return (
      <NoticePage title="暂时无法打开投诉页面" message={state.error.message}>
        <ActionButton label="重试" onPress={retry} />
        <ActionButton label="返回首页" variant="secondary" onPress={goHome} />
      </NoticePage>
    )
  }
  return <ConsumerFiling entry={state.data} />
}

export default function ComplainPage() {
  const { params } = useRouter()
  const code = merchantCodeFromParams(params)
  return code ? <ScannedShop code={code} /> : <ConsumerFiling entry={null} />
}
