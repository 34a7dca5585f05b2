import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { diskFileStore } from '../../cloudfunctions/adapters/files/disk-file-store'
import { fileStoreContract } from './support/file-store.contract'

// The local host's store against the same contract the CloudBase store passes
// (tests/adapters/cloudbase/cloudbase-file-store.test.ts).
describe('diskFileStore — the FileStore contract', () => {
  const roots: string[] = []
  afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })))
  fileStoreContract(() => {
    const root = mkdtempSync(join(tmpdir(), 'kuaisu-contract-'))
    roots.push(root)
    return diskFileStore(root)
  })
})
