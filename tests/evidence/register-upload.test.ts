import { noUploadedObjects } from '../../cloudfunctions/adapters/files/no-uploaded-objects'
import type { UploadedBytes, UploadedObjects } from '../../cloudfunctions/ports/uploaded-objects'
import { registerUpload } from '../../cloudfunctions/services/evidence/register-upload'
import { contextOf, memoryDeps } from './support/evidence-deps'
import { minimalPdf } from './support/images'

// registerUpload's own rules, with the uploads in memory (the CloudBase wire is tested in
// tests/adapters/cloudbase/register-upload.test.ts): what it reads, and that the original always goes.
const FILE_ID = `cloud://env.bucket/uploads/${'0f'.repeat(16)}/file.pdf`

function memoryUploads(answer: () => Promise<UploadedBytes>) {
  const log: string[] = []
  const uploads: UploadedObjects = {
    fetch: async (id, max) => {
      log.push(`fetch ${id} ≤${max}`)
      return answer()
    },
    discard: async (id) => void log.push(`discard ${id}`),
  }
  return { uploads, log }
}

describe('registerUpload — taking in what the phone uploaded', () => {
  it('when the upload is a PDF receipt, then it is read within the receipt cap, deleted, and then kept as evidence', async () => {
    const deps = memoryDeps()
    const { uploads, log } = memoryUploads(async () => ({ status: 'found', bytes: minimalPdf() }))
    const result = await registerUpload(contextOf({ ...deps, uploads }), { fileId: FILE_ID, kind: 'receipt', displayName: '发票.pdf' })
    expect(result).toMatchObject({ ok: true, data: { kind: 'receipt', mime: 'application/pdf', displayName: '发票.pdf' } })
    expect(log).toEqual([`fetch ${FILE_ID} ≤${15 * 1024 * 1024}`, `discard ${FILE_ID}`])
    expect(deps.files.files.size).toBe(1)
  })

  it('when reading the upload fails, then it is still deleted and the failure surfaces', async () => {
    const { uploads, log } = memoryUploads(async () => {
      throw new Error('storage unreachable')
    })
    await expect(
      registerUpload(contextOf({ ...memoryDeps(), uploads }), { fileId: FILE_ID, kind: 'photo', displayName: '' }),
    ).rejects.toThrow('storage unreachable')
    expect(log.at(-1)).toBe(`discard ${FILE_ID}`)
  })

  it('when the upload is over the cap, then FILE_TOO_LARGE, deleted, nothing kept', async () => {
    const deps = memoryDeps()
    const { uploads, log } = memoryUploads(async () => ({ status: 'too-large' }))
    expect(await registerUpload(contextOf({ ...deps, uploads }), { fileId: FILE_ID, kind: 'photo', displayName: '' })).toMatchObject({
      ok: false,
      error: { code: 'FILE_TOO_LARGE' },
    })
    expect(log).toContain(`discard ${FILE_ID}`)
    expect(deps.files.files.size + deps.store.evidence.size).toBe(0)
  })

  it('when nobody is calling (no subject), then UNAUTHENTICATED and storage is not touched', async () => {
    const { uploads, log } = memoryUploads(async () => ({ status: 'found', bytes: minimalPdf() }))
    expect(
      await registerUpload(contextOf({ ...memoryDeps(), uploads }, null), { fileId: FILE_ID, kind: 'receipt', displayName: '' }),
    ).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(log).toEqual([])
  })

  it('when called on the local host (no cloud uploads there), then EVIDENCE_NOT_FOUND', async () => {
    const result = await registerUpload(contextOf({ ...memoryDeps(), uploads: noUploadedObjects }), {
      fileId: FILE_ID,
      kind: 'photo',
      displayName: '',
    })
    expect(result).toEqual({ ok: false, error: { code: 'EVIDENCE_NOT_FOUND', message: '有附件未上传成功，请重新上传' } })
  })
})
