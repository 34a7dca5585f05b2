import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { ErrorBanner, LoadingState } from '../../../components/feedback'
import { PageShell } from '../../../components/page-shell'
import type { ActionOutput } from '../../../domain/api/contract'
import { decodeParam } from '../../routes'
import { homeOf } from '../paths'
import { BindForms, type Bound } from './bind-forms'
import { MyAccount } from './my-account'
import './index.scss'

// Staff in WeChat (issue 15): there is no sign-in, the caller is the WeChat identity (OPENID) bound
// to a staff account. This page asks who this WeChat is (station.me). Bound → 我的账号 with the way
// in and unbinding; not bound → bind once, by code (a binding QR opens this page with `code` or
// `scene`, redeemed at once) or by username and password; then the role's home opens, as on the desk.
type Me = ActionOutput<'station', 'me'>
type State = { status: 'checking' } | { status: 'bound'; me: Me } | { status: 'unbound' } | { status: 'failed'; message: string }

export default function StaffBind() {
  const { params } = useRouter()
  const linkCode = decodeParam(params.code || params.scene)
  const [state, setState] = useState<State>({ status: 'checking' })
  const [bindingCode, setBindingCode] = useState('')

  const check = useCallback(async () => {
    setState({ status: 'checking' })
    const me = await call('station', 'me', {})
    if (me.ok) return setState({ status: 'bound', me: me.data })
    // an OPENID bound to nobody is a shopper: the staff area refuses it — that is "not bound yet"
    if (me.error.code === 'UNAUTHENTICATED' || me.error.code === 'FORBIDDEN') return setState({ status: 'unbound' })
    setState({ status: 'failed', message: me.error.message })
  }, [])

  const enter = useCallback((role: Me['role']) => {
    const home = homeOf(role)
    if (home) void Taro.redirectTo({ url: home })
  }, [])

  const onBound = useCallback(
    (bound: Bound) => {
      if (homeOf(bound.role)) enter(bound.role)
      else setState({ status: 'bound', me: { displayName: bound.displayName, role: bound.role, siteName: bound.siteName } })
    },
    [enter],
  )

  // a binding QR: redeem the code it carries once, then show the forms only if that failed
  const started = useRef(false)
  useEffect(() => {
    if (started.current) return
    started.current = true
    if (!linkCode) return void check()
    void call('staff', 'bindByCode', { code: linkCode }).then((result) => {
      if (result.ok) return onBound(result.data)
      setBindingCode(linkCode)
      void check()
    })
  }, [linkCode, check, onBound])

  return (
    <PageShell title="工作人员绑定" className="staff-bind" elderlySwitch>
      {state.status === 'checking' ? <LoadingState text={linkCode ? '正在绑定…' : '正在加载…'} /> : null}
      {state.status === 'failed' ? (
        <>
          <ErrorBanner message={state.message} />
          <ActionButton label="重试" onPress={() => void check()} />
        </>
      ) : null}
      {state.status === 'unbound' ? <BindForms initialCode={bindingCode} onBound={onBound} /> : null}
      {state.status === 'bound' ? (
        <MyAccount
          me={state.me}
          home={homeOf(state.me.role)}
          onEnter={() => enter(state.me.role)}
          onUnbound={() => setState({ status: 'unbound' })}
        />
      ) : null}
    </PageShell>
  )
}
