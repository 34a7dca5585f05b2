import { useCallback, useState } from 'react'
import type { LocalFile } from '../api/upload'
import type { EvidenceEntry } from './complaint-draft'
import { useEvidenceUploads } from './use-evidence-uploads'

// Photos attached to one case step (the merchant's offer: up to 4). Each uploads as soon as it is
// chosen, exactly like the complaint form's evidence, but the list lives only as long as the form:
// a step is sent at once, so there is no draft to keep. The ids go out as the step's attachments.
export function useStepPhotos(max: number) {
  const [entries, setEntries] = useState<EvidenceEntry[]>([])
  const update = useCallback((change: (list: EvidenceEntry[]) => EvidenceEntry[]) => setEntries(change), [])
  const uploads = useEvidenceUploads(entries, update)

  /** Adds what fits under `max`; answers what did not fit, in words, or ''. */
  const add = (files: LocalFile[]): string => {
    const taken = files.slice(0, Math.max(0, max - entries.length))
    if (taken.length) uploads.add('photo', taken)
    const left = files.length - taken.length
    return left > 0 ? `照片最多${max}张，另外${left}张没有添加` : ''
  }

  return {
    entries,
    uploads,
    add,
    max,
    ids: entries.flatMap((e) => (e.status === 'done' && e.id ? [e.id] : [])),
    /** a problem that must be solved before the step is sent, in words; '' when none */
    problem: entries.some((e) => e.status === 'uploading')
      ? '照片还在上传，请稍候再提交'
      : entries.some((e) => e.status === 'failed' || e.status === 'pending')
        ? '有照片没有上传成功，请重试或移除'
        : '',
  }
}

export type StepPhotos = ReturnType<typeof useStepPhotos>
