// The weight file is ~450 KB: it is fetched when an extraction first runs, never with the complaint
// page. On H5 the dynamic import makes it a chunk of its own; the weapp build places it (see
// docs/extract-model.md). One load per session: later calls share the promise.
import { type ExtractContext, type Extraction, extractComplaint } from '../extract-complaint'
import { type ModelResult, parseExtractModel } from './parse'

let loading: Promise<ModelResult> | null = null

export function loadExtractModel(): Promise<ModelResult> {
  loading ??= import('./weights.json').then(
    (m: { default?: unknown }) => parseExtractModel(m.default ?? m),
    (): ModelResult => {
      loading = null // a lost chunk (network) may arrive on the next try
      return { ok: false, error: { code: 'EXTRACT_MODEL_INVALID', message: '分类模型未能加载，仅用关键词规则', issues: [] } }
    },
  )
  return loading
}

/** extractComplaint with the learned classifiers when they load, the keyword rules alone when they do not */
export async function extractComplaintWithModel(input: string, ctx: ExtractContext): Promise<Extraction> {
  const loaded = await loadExtractModel()
  return extractComplaint(input, { ...ctx, model: loaded.ok ? loaded.model : undefined })
}
