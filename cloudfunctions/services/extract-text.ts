import { extractComplaintWithModel } from '../../src/domain/extract/model/load'
import type { Extraction } from '../../src/domain/extract/extract-complaint'
import { ok, type Result } from '../../src/domain/errors'
import type { Deps } from './context'

// The extraction panel's proposals for the mini-program. On WeChat the extractor and the classifiers'
// ~450 KB of weights cannot ride in the main package (it must stay under 800 KB), so the panel sends the
// description here and gets the same proposals the H5 page computes in the browser. Nothing is stored: the
// text is read, answered and forgotten (the description is saved only when the person files).
export async function extractText(deps: Pick<Deps, 'clock'>, text: string): Promise<Result<Extraction>> {
  return ok(await extractComplaintWithModel(text, { now: deps.clock.now() }))
}
