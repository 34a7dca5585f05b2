import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import type { RunningHost } from '../../../cloudfunctions/host/boot'
import { DEMO_MERCHANTS } from '../../../cloudfunctions/seed/demo-data'
import { aSubmission } from '../../support/builders'
import { browserLike } from '../../support/http-client'
import { form } from '../../evidence/support/evidence-host'
import { minimalPdf } from '../../evidence/support/images'

/**
 * What a backup must carry: a case filed over real HTTP with a receipt (a PDF) attached — personal
 * data sealed with the data key, and evidence bytes on disk. The host is closed afterwards, as a
 * backup of an embedded database must run with nobody holding it.
 */
export async function fileCaseWithReceipt(host: RunningHost): Promise<{ caseId: string; sha256: string }> {
  try {
    const phone = browserLike(host.url)
    const up = await phone.request('/upload/evidence', {
      method: 'POST',
      body: form([
        ['kind', 'receipt'],
        ['file', { bytes: minimalPdf(), name: '小票.pdf' }],
      ]),
    })
    const evidence = (await up.json()).data
    const filed = await phone.post('/api/consumer', aSubmission(DEMO_MERCHANTS[0].code, { evidenceIds: [evidence.id] }))
    if (filed.status !== 200) throw new Error(`filing failed: ${JSON.stringify(filed.body)}`)
    return { caseId: filed.body.data.caseId, sha256: evidence.sha256 }
  } finally {
    await host.close()
  }
}

/** `npm run backup|restore` as an operator runs it, with this data directory and database. */
export const npmScript = (script: string, env: { dataDir: string; databaseUrl: string }, ...args: string[]) =>
  spawnSync('npm', ['run', '--silent', script, '--', ...args], {
    cwd: resolve(__dirname, '../../..'),
    env: { ...process.env, DATA_DIR: env.dataDir, DATABASE_URL: env.databaseUrl, NODE_OPTIONS: '' },
    encoding: 'utf8',
    timeout: 180_000,
  })
