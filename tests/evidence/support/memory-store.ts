import type { Evidence } from '../../../src/domain/evidence.schema'
import type { FileStore } from '../../../cloudfunctions/ports/files'
import type { Store } from '../../../cloudfunctions/ports/store'

// Just what the evidence use cases touch, in memory: for unit tests that need no database.
export function memoryEvidenceStore() {
  const evidence = new Map<string, Evidence>()
  const store = {
    evidence,
    failNextSave: false,
    async saveEvidence(e: Evidence) {
      if (store.failNextSave) {
        store.failNextSave = false
        throw new Error('database unavailable')
      }
      evidence.set(e.id, structuredClone(e))
    },
    async getEvidence(id: string) {
      return evidence.get(id) ?? null
    },
    async listEvidenceOfCase(caseId: string) {
      return [...evidence.values()].filter((e) => e.caseId === caseId)
    },
  }
  return store as typeof store & Store
}

export function memoryFiles(): FileStore & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>()
  return {
    files,
    async put(key, bytes) {
      files.set(key, new Uint8Array(bytes))
    },
    async get(key) {
      return files.get(key) ?? null
    },
    async remove(key) {
      files.delete(key)
    },
  }
}
