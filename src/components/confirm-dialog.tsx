import { View } from '@tarojs/components'
import { useEffect, useId } from 'react'
import { ActionButton } from './action-button'
import './confirm-dialog.scss'

// A second question before a step that cannot be undone (接受商家方案, 办结, 调解成功, 转商家处理):
// it says what will happen, in large type, and offers 取消 first. On H5 it behaves as an alert
// dialog should (WAI-ARIA APG): focus moves into it (onto 取消, the safe choice), Tab stays inside,
// Esc cancels, and focus goes back to the button that opened it. WeChat has no keyboard: a tap on
// either button or on the backdrop is all there is.
interface Props {
  title: string
  /** the consequence, in plain words */
  message: string
  /** what exactly is being confirmed (the agreement's terms…), one line each */
  facts?: string[]
  confirmLabel: string
  busy?: boolean
  onConfirm: () => void
  onCancel: () => void
}

const FOCUSABLE = '[role="button"][tabindex="0"]:not([aria-disabled="true"])'

/** H5 only (a build-time constant): focus in, Tab kept inside, Esc cancels, focus returned on close. */
function useDialogFocus(id: string, busy: boolean, onCancel: () => void) {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return undefined
    const opener = document.activeElement as HTMLElement | null
    // the next frame: Taro's components have their attributes (tabindex) by then
    const frame = requestAnimationFrame(() => {
      const dialog = document.getElementById(id)
      const first = dialog?.querySelector<HTMLElement>(FOCUSABLE)
      if (first) first.focus()
      else dialog?.focus()
    })
    return () => {
      cancelAnimationFrame(frame)
      if (opener && document.contains(opener)) opener.focus()
    }
  }, [id])
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return undefined
    const onKey = (event: KeyboardEvent) => {
      const dialog = document.getElementById(id)
      if (!dialog) return
      if (event.key === 'Escape') {
        event.preventDefault()
        if (!busy) onCancel()
        return
      }
      if (event.key !== 'Tab') return
      const stops = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE))
      if (stops.length === 0) return
      const at = stops.indexOf(document.activeElement as HTMLElement)
      const next = event.shiftKey ? (at <= 0 ? stops.length - 1 : at - 1) : at === stops.length - 1 || at < 0 ? 0 : at + 1
      event.preventDefault()
      stops[next].focus()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [id, busy, onCancel])
}

export function ConfirmDialog({ title, message, facts = [], confirmLabel, busy = false, onConfirm, onCancel }: Props) {
  const id = `confirm-${useId().replace(/:/g, '')}`
  useDialogFocus(id, busy, onCancel)
  return (
    <View className="confirm-dialog">
      <View className="confirm-dialog__backdrop" onClick={() => (busy ? undefined : onCancel())} />
      <View
        id={id}
        className="confirm-dialog__box"
        role="alertdialog"
        tabIndex={-1}
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-message`}
      >
        <View id={`${id}-title`} className="confirm-dialog__title" role="heading" aria-level={2}>
          {title}
        </View>
        <View id={`${id}-message`} className="confirm-dialog__message">
          {message}
          {facts.map((line) => (
            <View key={line} className="confirm-dialog__fact">
              {line}
            </View>
          ))}
        </View>
        <View className="confirm-dialog__buttons">
          <ActionButton label="取消" variant="secondary" disabled={busy} onPress={onCancel} />
          <ActionButton className="confirm-dialog__confirm" label={confirmLabel} busy={busy} busyText="正在提交…" onPress={onConfirm} />
        </View>
      </View>
    </View>
  )
}
