// Deployed entry of the "station" cloud function (bundled by scripts/build-functions.ts).
// Its exports (导出与报表, docs/cloud-exports.md) are written with exceljs and pdfkit into memory and
// left in this environment's storage: only this entry passes the outlet, so only this bundle carries them.
import { cloudbaseExportOutlet } from '../../adapters/cloudbase/cloudbase-export-outlet'
import { cloudDeps } from '../../runtime/cloud-deps'
import { createCloudMain } from '../../runtime/cloud-main'
import { stationFunction } from './handlers'

export const main = createCloudMain(stationFunction, () => cloudDeps({ exportOutlet: (app) => cloudbaseExportOutlet(app) }))
