import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pdfText as pdfFileText, requirePoppler } from '../browser/support/pdf-tools'
import { openCloudExportWorld, type CloudExportWorld } from '../support/cloud-export-world'
import { SITE_A } from '../support/seed-shops'

// The month's 工作动态 and the quarter's 形势分析 made by the station function in CloudBase, fetched from the
// temporary link and read back with pdftotext. Needs poppler-utils and fonts-wqy-microhei, so it is a
// *.systest.ts: CI runs it (jest.pg.config.js) after installing them, npm test does not.

describe('the PDF reports as station actions in CloudBase', () => {
  let world: CloudExportWorld
  beforeAll(async () => {
    requirePoppler()
    world = await openCloudExportWorld()
  })
  afterAll(() => world.close())

  function pdfText(bytes: Buffer): string {
    const file = join(mkdtempSync(join(tmpdir(), 'ks-cloud-pdf-')), 'report.pdf')
    writeFileSync(file, bytes)
    return pdfFileText(file)
  }

  it('when the monthly and quarterly reports are asked for, then each is a PDF whose text pdftotext reads', async () => {
    const month = await world.asStaff('station-a', 'monthlyReport', { month: '2026-03' })
    if (!month.ok) throw new Error(month.error.code)
    expect(month.data).toMatchObject({ fileType: 'pdf', fileName: '月度工作动态_2026-03.pdf' })
    const monthText = pdfText(await world.fetched(month.data))
    expect(monthText).toContain('工作动态')
    expect(monthText).toContain(SITE_A.name)

    const quarter = await world.asStaff('reg-a', 'quarterlyReport', { quarter: '2026-Q1' })
    if (!quarter.ok) throw new Error(quarter.error.code)
    expect(pdfText(await world.fetched(quarter.data))).toContain('消费投诉形势分析')
  })
})
