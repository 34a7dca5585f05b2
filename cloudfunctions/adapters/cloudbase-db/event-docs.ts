import { CaseEventSchema, type CaseEvent } from '../../../src/domain/case.schema'
import { utc } from './doc-codec'
import { parseDoc } from './doc-reads'

// A case event as a document of COLLECTIONS.events: `_id` = the event id, the event's own fields,
// its instant in fixed-width UTC. listEvents reads a case's events with where({ caseId }) ordered by
// seq, so the collection needs the compound index (caseId, seq). Events are only ever added (the
// timeline is a hash chain); nothing updates one.

/** The event as written, `_id` included (add() takes it). Optional fields absent rather than null. */
export function eventToDoc(e: CaseEvent) {
  const { id, stateDigest, mac, ...fields } = e
  return {
    _id: id,
    ...fields,
    at: utc(e.at),
    ...(stateDigest === undefined ? {} : { stateDigest }),
    ...(mac === undefined ? {} : { mac }),
  }
}

export const docToEvent = (doc: Record<string, unknown> & { _id: string }): CaseEvent => parseDoc(CaseEventSchema, doc)
