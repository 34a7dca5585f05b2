import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import type { ExportFileRecord } from '../../src/domain/exports/export-file-record.schema'
import { unique } from '../support/builders'

// The files cloud functions made for download (SQL migration 0033, CloudBase export_files): read back by
// name, the first record of a name stands, listed oldest first strictly before an instant and at most a
// page, and forgotten by name (a name never recorded included).
export function exportFilesContract(adapterName: string, open: () => Promise<Store & StoreInspection>) {
  describe(`Store contract, export files — ${adapterName}`, () => {
    let store: Store & StoreInspection
    beforeAll(async () => {
      store = await open()
    })
    afterAll(async () => {
      await store?.close()
    })

    // far in the past, so that other tests' records (made "now") never fall before the instants used here
    const aFile = (madeAt: string, madeBy = 'staff:staff-1'): ExportFileRecord => ({
      name: `1999-01-01/${unique('file')
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, '-')}.xlsx`,
      madeBy,
      madeAt,
    })

    it('when files are recorded, then each reads back whole by name, a second record of a name changes nothing, and an unknown name reads null', async () => {
      const file = aFile('1999-01-01T02:00:00.000Z')
      await store.recordExportFile(file)
      await store.recordExportFile({ ...file, madeBy: 'staff:someone-else', madeAt: '1999-01-02T00:00:00.000Z' })
      expect(await store.getExportFile(file.name)).toEqual(file)
      expect(await store.getExportFile('1999-01-01/never-made-0000.xlsx')).toBeNull()
    })

    it('when the old files are listed, then they are those made strictly before the instant, oldest first, at most the limit; forgotten ones are gone', async () => {
      const a = aFile('1999-02-01T00:00:00.000Z')
      const b = aFile('1999-02-01T00:00:01.000Z', 'staff:staff-2')
      const c = aFile('1999-02-01T00:00:02.000Z')
      for (const f of [c, a, b]) await store.recordExportFile(f)
      const listed = (await store.listExportFilesMadeBefore('1999-02-01T00:00:02.000Z', 100)).filter((f) => f.madeAt.startsWith('1999-02'))
      expect(listed).toEqual([a, b])
      expect(await store.listExportFilesMadeBefore('1999-02-01T00:00:00.000Z', 100)).not.toContainEqual(a)
      const firstOfFeb = (await store.listExportFilesMadeBefore('1999-03-01T00:00:00.000Z', 1000)).filter((f) =>
        f.madeAt.startsWith('1999-02'),
      )
      expect(firstOfFeb).toEqual([a, b, c])

      await store.forgetExportFile(a.name)
      await store.forgetExportFile('1999-01-01/never-made-0000.xlsx')
      expect(await store.getExportFile(a.name)).toBeNull()
      const after = (await store.listExportFilesMadeBefore('1999-03-01T00:00:00.000Z', 1000)).filter((f) => f.madeAt.startsWith('1999-02'))
      expect(after).toEqual([b, c])
    })

    it('when more old files than the limit wait, then a page holds the oldest `limit` of them', async () => {
      const older = [aFile('1998-06-01T00:00:00.000Z'), aFile('1998-06-01T00:00:01.000Z'), aFile('1998-06-01T00:00:02.000Z')]
      for (const f of older) await store.recordExportFile(f)
      expect(await store.listExportFilesMadeBefore('1998-07-01T00:00:00.000Z', 2)).toEqual(older.slice(0, 2))
    })
  })
}
