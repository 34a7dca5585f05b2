import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { EmptyState, ErrorBanner, LoadingState } from '../../../components/feedback'
import { PageShell } from '../../../components/page-shell'
import { TextField } from '../../../components/text-field'
import type { FieldErrors } from '../../../domain/errors'
import { scrollToField } from '../../../hooks/scroll-to-field'
import { useRemote } from '../../../hooks/use-remote'
import { PAGES, withQuery } from '../../routes'
import { ContactCard } from './contact-card'
import { fieldOfError, formOf, inputOf, newForm, type ContactForm as Form } from './contact-fields'
import { ContactForm } from './contact-form'
import './index.scss'

// 通知联系人: which WeCom group or phone hears which messages, besides everyone's in-app inbox.
// A station sees the contacts that apply to its site (its own, its area's, the deployment's) and
// changes its own; a regulator looks up a site or an area and changes any. Targets are shown only
// by their last four characters; a new one is typed or pasted whole.
export default function StationContacts() {
  const [query, setQuery] = useState<{ siteId?: string; areaId?: string }>({})
  const load = useCallback(() => call('station', 'listNotificationContacts', query), [query])
  const { state, reload, retry } = useRemote(load)
  const [form, setForm] = useState<Form | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [banner, setBanner] = useState('')
  const [done, setDone] = useState('')
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState('')
  const [lookup, setLookup] = useState({ siteId: '', areaId: '' })

  const signedOut = state.status === 'failed' && state.error.code === 'UNAUTHENTICATED'
  useEffect(() => {
    if (signedOut) void Taro.redirectTo({ url: withQuery(PAGES.stationLogin, { next: 'board' }) })
  }, [signedOut])
  // a regulator's look-up changes the query: load again (the first load is useRemote's own)
  const firstQuery = useRef(query)
  useEffect(() => {
    if (query !== firstQuery.current) void reload()
  }, [query, reload])

  const back = <ActionButton label="返回工作台" variant="quiet" onPress={() => Taro.redirectTo({ url: PAGES.stationBoard })} />
  if (state.status === 'loading') {
    return (
      <PageShell title="通知联系人" wide>
        <LoadingState />
      </PageShell>
    )
  }
  if (state.status === 'failed') {
    return (
      <PageShell title="通知联系人" wide className="contacts">
        <ErrorBanner message={state.error.message} />
        <ActionButton label="重试" onPress={retry} />
        {back}
      </PageShell>
    )
  }

  const list = state.data
  // a station may only ever change its own site's contacts; anyone else may look elsewhere
  const isRegulator = !(list.editableScopes.length === 1 && list.editableScopes[0] === 'site')
  const edit = (next: Form) => {
    setForm(next)
    setDone('')
  }
  const save = async () => {
    if (!form) return
    setBanner('')
    const built = inputOf(form, list)
    if ('errors' in built) {
      setErrors(built.errors)
      return scrollToField(Object.keys(built.errors)[0])
    }
    setErrors({})
    setBusy(true)
    const result = await call('station', 'saveNotificationContact', built.input)
    setBusy(false)
    if (!result.ok) {
      const fields = Object.fromEntries(Object.entries(result.error.fields ?? {}).map(([k, v]) => [fieldOfError(k), v]))
      setErrors(fields)
      if (Object.keys(fields).length > 0) scrollToField(Object.keys(fields)[0])
      else setBanner(result.error.message)
      return
    }
    setForm(null)
    setDone(`已保存“${result.data.label}”。`)
    await reload()
  }
  const remove = async (id: string, label: string) => {
    setBanner('')
    setBusy(true)
    const result = await call('station', 'deleteNotificationContact', { id })
    setBusy(false)
    setConfirming('')
    if (!result.ok) setBanner(result.error.message)
    else setDone(`已删除“${label}”。`)
    await reload()
  }

  const where = list.siteName ?? (list.areaId ? `辖区 ${list.areaId}` : '全局默认')
  return (
    <PageShell title="通知联系人" wide className="contacts">
      <View className="contacts__intro">
        <View className="contacts__site">{where}</View>
        <View>
          每条通知都会进入收件箱；这里设置的企业微信群或手机号码还会另外收到一份。同一类消息，本站点设置的联系人优先，其次是所属辖区，最后是全局默认；都没有设置时，按系统部署时的默认群发送。
        </View>
      </View>
      {isRegulator ? (
        <View className="contacts__lookup" role="search" aria-label="查看其他站点或辖区">
          <TextField
            name="lookupSite"
            label="站点编号"
            optional
            value={lookup.siteId}
            onChange={(v) => setLookup({ ...lookup, siteId: v })}
            maxlength={64}
          />
          <TextField
            name="lookupArea"
            label="辖区编号"
            optional
            value={lookup.areaId}
            onChange={(v) => setLookup({ ...lookup, areaId: v })}
            maxlength={64}
          />
          <ActionButton
            label="查看"
            variant="secondary"
            onPress={() => {
              setForm(null)
              setQuery({
                ...(lookup.siteId.trim() ? { siteId: lookup.siteId.trim() } : {}),
                ...(lookup.areaId.trim() ? { areaId: lookup.areaId.trim() } : {}),
              })
            }}
          />
        </View>
      ) : null}
      <ErrorBanner message={banner} />
      <View className="contacts__done" role="status">
        {done}
      </View>
      {form ? (
        <ContactForm
          list={list}
          form={form}
          onChange={edit}
          errors={errors}
          busy={busy}
          onSave={() => void save()}
          onCancel={() => setForm(null)}
        />
      ) : (
        <ActionButton className="contacts__add" label="新增通知联系人" onPress={() => (setErrors({}), edit(newForm(list)))} />
      )}
      <View className="contacts__section" role="heading" aria-level={2}>
        已设置的联系人（{list.items.length}）
      </View>
      {list.items.length === 0 ? <EmptyState text="还没有设置通知联系人：消息只进收件箱（以及系统默认群，如已配置）" /> : null}
      {list.items.map((c) => (
        <ContactCard
          key={c.id}
          contact={c}
          confirming={confirming === c.id}
          busy={busy && confirming === c.id}
          onEdit={() => (setErrors({}), edit(formOf(c)))}
          onAskDelete={() => setConfirming(c.id)}
          onConfirmDelete={() => void remove(c.id, c.label)}
          onCancelDelete={() => setConfirming('')}
        />
      ))}
      {back}
    </PageShell>
  )
}
