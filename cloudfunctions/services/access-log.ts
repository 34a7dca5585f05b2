import type { Deps } from './context'

/** Record that someone other than the complainant opened a case's personal data. */
export async function logAccess(deps: Deps, caseId: string, viewer: { role: string; id: string }, purpose: string): Promise<void> {
  await deps.store.recordAccess({ id: deps.ids.newId(), caseId, viewer, purpose, at: deps.clock.now().toISOString() })
}
