import { View } from '@tarojs/components'
import { Fragment, useState, type ReactNode } from 'react'
import type { RemoteState } from '../hooks/use-remote'
import { useSignedOutRedirect } from '../hooks/use-signed-out-redirect'
import { PAGES } from '../pages/routes'
import { backTo } from '../pages/station/merchants/paths'
import { ActionButton } from './action-button'
import { EmptyState, ErrorBanner, LoadingState } from './feedback'
import { PageShell } from './page-shell'
import { RemoteStatus } from './remote-status'

// An administrator's list page (站点管理, 标签管理): what was just done, the open edit form or the
// 新增 button, the list with each row's buttons, and 返回管理. The classes are admin.scss's
// (pages/staff/admin), which every such page imports.

/** Which item the form is open for (`item` null: a new one), and the note of what was just done. */
export function useAdminEditing<T>() {
  const [editing, setEditing] = useState<{ item: T | null } | null>(null)
  const [done, setDone] = useState('')
  return {
    editing,
    done,
    /** say what was just done (or '' to clear it) */
    say: setDone,
    /** open the form for `item`, or for a new one: the last note goes */
    edit: (item: T | null) => {
      setDone('')
      setEditing({ item })
    },
    cancel: () => setEditing(null),
    /** the form saved: close it and say so */
    saved: (message: string) => {
      setEditing(null)
      setDone(message)
    },
  }
}

export interface AdminRowParts {
  title: ReactNode
  meta: ReactNode
  buttons: ReactNode
}

interface Props<D, T extends { id: string }> {
  title: string
  className: string
  /** the list's load (useRemote) */
  remote: { state: RemoteState<D>; retry: () => void }
  editing: ReturnType<typeof useAdminEditing<T>>
  banner?: string
  /** the edit form for an item, or (null) for a new one */
  form: (item: T | null) => ReactNode
  /** the 新增 button's text, shown while no form is open */
  newLabel: string
  items: (data: D) => readonly T[]
  /** the list's accessible name, e.g. 站点列表 */
  listLabel: string
  /** said instead of an empty list; without it an empty list is still shown */
  emptyText?: string
  row: (item: T) => AdminRowParts
  /** after 返回管理, e.g. a confirmation dialog */
  children?: ReactNode
}

export function AdminListPage<D, T extends { id: string }>(props: Props<D, T>) {
  const { title, remote, editing, emptyText } = props
  const { state } = remote
  const signedOut = useSignedOutRedirect(state)
  if (signedOut || state.status === 'loading') {
    return (
      <PageShell title={title} wide>
        <LoadingState />
      </PageShell>
    )
  }
  return (
    <PageShell title={title} wide className={props.className} elderlySwitch>
      <RemoteStatus state={state} onRetry={remote.retry} />
      {editing.done ? (
        <View className="admin__done" role="status">
          {editing.done}
        </View>
      ) : null}
      <ErrorBanner message={props.banner} />
      {editing.editing ? (
        // keyed by the item: opening another one starts its form afresh
        <Fragment key={editing.editing.item?.id ?? 'new'}>{props.form(editing.editing.item)}</Fragment>
      ) : (
        <ActionButton label={props.newLabel} onPress={() => editing.edit(null)} />
      )}
      {state.status === 'ready' ? (
        props.items(state.data).length || !emptyText ? (
          <View className="admin__card" role="list" aria-label={props.listLabel}>
            {props.items(state.data).map((item) => {
              const row = props.row(item)
              return (
                <View key={item.id} className="admin__row" role="listitem">
                  <View className="admin__row-title">{row.title}</View>
                  <View className="admin__row-meta">{row.meta}</View>
                  <View className="admin__buttons">{row.buttons}</View>
                </View>
              )
            })}
          </View>
        ) : (
          <EmptyState text={emptyText} />
        )
      ) : null}
      <ActionButton label="返回管理" variant="quiet" onPress={() => backTo(PAGES.adminHome)} />
      {props.children}
    </PageShell>
  )
}
