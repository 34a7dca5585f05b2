import type { UploadedObjects } from '../../ports/uploaded-objects'

// Outside CloudBase nobody uploads to cloud storage first: the local host takes files straight in
// over POST /upload/evidence. consumer.registerUpload there finds nothing (EVIDENCE_NOT_FOUND).
export const noUploadedObjects: UploadedObjects = {
  fetch: async () => ({ status: 'missing' }),
  discard: async () => undefined,
}
