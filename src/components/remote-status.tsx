import type { RemoteState } from '../hooks/use-remote'
import { ActionButton } from './action-button'
import { ErrorBanner, LoadingState } from './feedback'

/** What a page shows while its data loads, or when loading failed (with a retry). Nothing once ready. */
export function RemoteStatus<T>({ state, onRetry }: { state: RemoteState<T>; onRetry: () => void }) {
  if (state.status === 'loading') return <LoadingState />
  if (state.status === 'failed') {
    return (
      <>
        <ErrorBanner message={state.error.message} />
        <ActionButton label="重试" onPress={onRetry} />
      </>
    )
  }
  return null
}
