import { Text, View } from '@tarojs/components'
import './feedback.scss'

// Small messages a page shows about itself. Errors use role="alert" so screen readers announce
// them when they appear; loading uses role="status", which is announced without interrupting.

/** Red text right under the field it is about. */
export function FieldError({ message, id }: { message?: string; id?: string }) {
  if (!message) return null
  return (
    <View className="field-error" role="alert" id={id}>
      {message}
    </View>
  )
}

/** A problem that belongs to no single field (network, server, conflict). */
export function ErrorBanner({ message }: { message?: string }) {
  if (!message) return null
  return (
    <View className="error-banner" role="alert">
      {message}
    </View>
  )
}

export function LoadingState({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className="loading-state" role="status">
      <Text>{text}</Text>
    </View>
  )
}

export function EmptyState({ text }: { text: string }) {
  return (
    <View className="empty-state">
      <Text>{text}</Text>
    </View>
  )
}
