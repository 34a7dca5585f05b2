import { View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import type { FieldErrors, Result } from '../domain/errors'
import { scrollToField } from '../hooks/scroll-to-field'
import { ActionButton } from './action-button'
import { ErrorBanner } from './feedback'

// The edit form of an administrator's list page (站点, 标签): a card titled for what is edited, its
// fields, and 保存/取消. The classes are admin.scss's (pages/staff/admin), which every such page imports.

/**
 * Saving an administrator's form: busy while it runs, each refused field's Chinese message kept for
 * the field (and the first one scrolled to), anything else in the banner.
 */
export function useAdminSave<T>(onSaved: (saved: T) => void) {
  const [errors, setErrors] = useState<FieldErrors>({})
  const [banner, setBanner] = useState('')
  const [busy, setBusy] = useState(false)

  const save = async (submit: () => Promise<Result<T>>) => {
    if (busy) return
    setBanner('')
    setBusy(true)
    const result = await submit()
    setBusy(false)
    if (result.ok) return onSaved(result.data)
    // a list item's own problem arrives as e.g. phrases.3: the form has one field for the list, so
    // the message goes under it
    const fields = Object.fromEntries(Object.entries(result.error.fields ?? {}).map(([k, v]) => [k.split('.')[0], v]))
    setErrors(fields)
    const first = Object.keys(fields)[0]
    if (first) scrollToField(first)
    else setBanner(result.error.message)
  }
  /** the person changed `key`: its old message no longer applies */
  const clearError = (key: string) => {
    if (errors[key]) setErrors(({ [key]: _gone, ...rest }) => rest)
  }
  return { errors, banner, busy, save, clearError }
}

interface Props {
  /** the card's heading and the group's accessible name, e.g. 新增站点 or 编辑站点：… */
  title: string
  /** more classes beside admin__card */
  className?: string
  /** the save button's text, e.g. 保存站点 */
  saveLabel: string
  busy: boolean
  banner: string
  onSave: () => void
  onCancel: () => void
  children: ReactNode
}

export function AdminEditForm({ title, className, saveLabel, busy, banner, onSave, onCancel, children }: Props) {
  return (
    <View className={className ? `admin__card ${className}` : 'admin__card'} role="group" aria-label={title}>
      <View className="admin__heading" role="heading" aria-level={2}>
        {title}
      </View>
      {children}
      <ErrorBanner message={banner} />
      <View className="admin__buttons">
        <ActionButton label={saveLabel} busy={busy} busyText="正在保存…" onPress={onSave} />
        <ActionButton label="取消" variant="secondary" onPress={onCancel} />
      </View>
    </View>
  )
}
