import { z } from 'zod'

// Evidence a shopper attaches. The server decides a file's type from its first bytes (never from
// its name or declared type) and checks it against its kind's list and size cap.
export const EVIDENCE_KINDS = ['photo', 'video', 'audio', 'receipt'] as const
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number]

export const EVIDENCE_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'video/mp4',
  'video/quicktime',
  'audio/mpeg',
  'audio/mp4',
  'audio/aac',
  'audio/wav',
  'audio/amr',
  'application/pdf',
] as const
export type EvidenceMime = (typeof EVIDENCE_MIME_TYPES)[number]

const MB = 1024 * 1024
export interface EvidenceRule {
  label: string
  maxCount: number
  maxBytes: number
  mimes: readonly EvidenceMime[]
  /** seconds, for recordings */
  maxDurationS?: number
}

export const EVIDENCE_RULES: Record<EvidenceKind, EvidenceRule> = {
  photo: { label: '照片', maxCount: 9, maxBytes: 15 * MB, mimes: ['image/jpeg', 'image/png', 'image/webp'] },
  video: { label: '视频', maxCount: 3, maxBytes: 60 * MB, mimes: ['video/mp4', 'video/quicktime'], maxDurationS: 60 },
  audio: { label: '录音', maxCount: 3, maxBytes: 20 * MB, mimes: ['audio/mpeg', 'audio/mp4', 'audio/aac', 'audio/wav', 'audio/amr'] },
  receipt: { label: '票据', maxCount: 5, maxBytes: 15 * MB, mimes: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] },
}

/** The largest upload any kind accepts: the HTTP body limit for uploads. */
export const MAX_EVIDENCE_BYTES = Math.max(...Object.values(EVIDENCE_RULES).map((r) => r.maxBytes))

export const EvidenceSchema = z.object({
  id: z.string().min(1),
  /** null until a submitted case claims it */
  caseId: z.string().nullable(),
  uploadedBy: z.string().min(1),
  kind: z.enum(EVIDENCE_KINDS),
  mime: z.enum(EVIDENCE_MIME_TYPES),
  bytes: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** where the bytes live in the file store: a random name, never derived from the upload's name */
  storageKey: z.string().min(1),
  /** the uploader's file name, cleaned, for display only */
  displayName: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
})
export type Evidence = z.infer<typeof EvidenceSchema>

// Which store holds a file's bytes shows in its key: the cloud functions' keys (CloudBase storage) start
// with `cloud-`, the local host's (its disk) do not. A host sharing its database with the cloud functions
// (hybrid mode, docs/evidence-files.md) links each file by this. Keys from before the prefix have none:
// they are read, as before, by the store of the deployment that wrote them.
export const CLOUD_STORAGE_KEY_PREFIX = 'cloud-'
export const isInCloudStorage = (e: Pick<Evidence, 'storageKey'>): boolean => e.storageKey.startsWith(CLOUD_STORAGE_KEY_PREFIX)

/** What the app sees of a file: never the storage key; a short-lived link when the viewer may open it. */
export const EvidenceViewSchema = EvidenceSchema.pick({
  id: true,
  kind: true,
  mime: true,
  bytes: true,
  sha256: true,
  displayName: true,
}).extend({
  url: z.string().nullable(),
})
export type EvidenceView = z.infer<typeof EvidenceViewSchema>
