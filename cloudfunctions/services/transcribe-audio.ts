import type { Evidence } from '../../src/domain/evidence.schema'
import { fail, ok, type Result } from '../../src/domain/errors'
import type { AudioFormat } from '../ports/speech'
import type { ServiceContext } from './context'

export interface Transcript {
  text: string
  durationMs: number
}

const FORMAT_OF: Partial<Record<Evidence['mime'], AudioFormat>> = {
  'audio/wav': 'wav',
  'audio/mpeg': 'mp3',
  'audio/aac': 'aac',
  'audio/mp4': 'm4a',
  'audio/amr': 'amr',
}

/**
 * Turn a recording the caller uploaded into text for the complaint form. The recording stays an
 * evidence item whatever happens here: transcription failing is normal (no keys configured, a
 * noisy shop), and the form then simply asks for typing — so failures are coded values.
 */
export async function transcribeAudio(ctx: ServiceContext, evidenceId: string): Promise<Result<Transcript>> {
  const { store, files, speech } = ctx.deps
  const item = await store.getEvidence(evidenceId)
  // only the person who recorded it: another's recording is "not found", never "forbidden"
  if (!item || !ctx.caller.subject || item.uploadedBy !== ctx.caller.subject || item.kind !== 'audio') return fail('EVIDENCE_NOT_FOUND')
  const format = FORMAT_OF[item.mime]
  if (!format) return fail('UNSUPPORTED_FILE_TYPE')
  const bytes = await files.get(item.storageKey)
  if (!bytes) return fail('EVIDENCE_NOT_FOUND')
  const heard = await speech.transcribe({ bytes, format })
  if (heard.ok) return ok({ text: heard.text, durationMs: heard.durationMs })
  return fail(heard.code)
}
