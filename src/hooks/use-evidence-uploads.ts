import { useCallback, useEffect, useRef, useState } from 'react'
import { prepareFile, uploadEvidence, type LocalFile, type UploadTask } from '../api/upload'
import { ERROR_CATALOGUE } from '../domain/errors'
import { EVIDENCE_RULES, type EvidenceKind, type EvidenceMime } from '../domain/evidence.schema'
import type { EvidenceEntry } from './complaint-draft'

// Uploads of the draft's evidence. Each file uploads as soon as it is chosen, on its own: one
// failure never touches the others. The entries (with the server id once done) live in the draft,
// so they survive a reload; the bytes live only here, in memory, so 重试 can resend them — after a
// reload a pending file has to be chosen again (the picker offers that).
type Update = (change: (list: EvidenceEntry[]) => EvidenceEntry[]) => void

const MB = 1024 * 1024
let counter = 0
const newLocalId = () => `f${Date.now().toString(36)}${(counter++).toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`

/** Early, local refusal for what the server would refuse anyway (it decides from the bytes). */
function precheck(file: LocalFile, kind: EvidenceKind): string | undefined {
  const rule = EVIDENCE_RULES[kind]
  if (file.type && !rule.mimes.includes(file.type as EvidenceMime)) return ERROR_CATALOGUE.UNSUPPORTED_FILE_TYPE.message
  if (file.size > rule.maxBytes) return `文件太大，${rule.label}每个不能超过${rule.maxBytes / MB}MB`
  return undefined
}

export function useEvidenceUploads(evidence: EvidenceEntry[], update: Update) {
  const bytes = useRef(new Map<string, LocalFile>())
  const tasks = useRef(new Map<string, UploadTask>())
  const [progress, setProgress] = useState<Record<string, number>>({})

  const patch = useCallback(
    (localId: string, change: Partial<EvidenceEntry>) =>
      update((list) => list.map((e) => (e.localId === localId ? { ...e, ...change } : e))),
    [update],
  )

  const start = useCallback(
    async (localId: string, picked: LocalFile, kind: EvidenceKind) => {
      patch(localId, { status: 'uploading', error: undefined })
      setProgress((p) => ({ ...p, [localId]: 0 }))
      const file = await prepareFile(picked, kind)
      bytes.current.set(localId, file)
      patch(localId, { name: file.name, size: file.size, mime: file.type })
      const refused = precheck(file, kind)
      if (refused) {
        patch(localId, { status: 'failed', error: refused })
        return
      }
      const task = uploadEvidence(file, kind, (percent) => setProgress((p) => ({ ...p, [localId]: percent })))
      tasks.current.set(localId, task)
      const result = await task.done
      if (tasks.current.get(localId) !== task) return // removed (or restarted) meanwhile
      tasks.current.delete(localId)
      if (result.ok) {
        setProgress((p) => ({ ...p, [localId]: 100 }))
        patch(localId, { status: 'done', id: result.data.id, size: result.data.bytes, error: undefined })
      } else {
        patch(localId, { status: 'failed', error: result.error.message })
      }
    },
    [patch],
  )

  /** Adds what was picked, up to the kind's cap; answers what did not fit, in words, or ''. */
  const add = useCallback(
    (kind: EvidenceKind, picked: LocalFile[]): string => {
      const rule = EVIDENCE_RULES[kind]
      const room = Math.max(0, rule.maxCount - evidence.filter((e) => e.kind === kind).length)
      const taken = picked.slice(0, room)
      const entries: EvidenceEntry[] = taken.map((f) => ({
        localId: newLocalId(),
        kind,
        name: f.name,
        size: f.size,
        mime: f.type,
        id: null,
        status: 'uploading',
      }))
      update((list) => [...list, ...entries])
      entries.forEach((entry, i) => void start(entry.localId, taken[i], kind))
      const left = picked.length - taken.length
      return left > 0 ? `${rule.label}最多${rule.maxCount}个，另外${left}个没有添加` : ''
    },
    [evidence, start, update],
  )

  /** Same bytes again (after a failure); false when they are gone (a reload) and must be re-chosen. */
  const retry = useCallback(
    (entry: EvidenceEntry): boolean => {
      const file = bytes.current.get(entry.localId)
      if (!file) return false
      void start(entry.localId, file, entry.kind)
      return true
    },
    [start],
  )

  const replace = useCallback((entry: EvidenceEntry, file: LocalFile) => void start(entry.localId, file, entry.kind), [start])

  const remove = useCallback(
    (localId: string) => {
      tasks.current.get(localId)?.abort()
      tasks.current.delete(localId)
      bytes.current.delete(localId)
      update((list) => list.filter((e) => e.localId !== localId))
    },
    [update],
  )

  // leaving the page stops uploads nobody will wait for
  useEffect(() => {
    const running = tasks.current
    return () => running.forEach((task) => task.abort())
  }, [])

  return { progress, add, retry, replace, remove, hasBytes: (localId: string) => bytes.current.has(localId) }
}
