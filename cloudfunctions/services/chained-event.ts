import type { CaseEvent } from '../../src/domain/case.schema'
import { caseStateDigest, type CaseState } from '../../src/domain/workflow/case-state-digest'
import { signEvent } from '../../src/domain/workflow/chain-signature'
import { eventHashInput } from '../../src/domain/workflow/event-chain'
import type { Deps } from './context'

type NewEvent = Omit<CaseEvent, 'id' | 'hash' | 'stateDigest' | 'mac'>

/**
 * A new timeline event, linked to the one before it by hash, committing to the case row it leaves
 * behind (`after`: the row exactly as this step writes it, version included), and signed with
 * CHAIN_KEY — so neither a recomputed chain nor an edited row passes a verification.
 */
export function chainedEvent(deps: Deps, e: NewEvent, after: CaseState): CaseEvent {
  const stateDigest = caseStateDigest(after, deps.chainSigner.mac)
  const hash = deps.secrets.hashToken(eventHashInput({ ...e, stateDigest }))
  return { ...e, stateDigest, id: deps.ids.newId(), hash, mac: signEvent(deps.chainSigner, { caseId: e.caseId, seq: e.seq, hash }) }
}
