import { execFile } from 'node:child_process'
import { join } from 'node:path'

// Runs scripts/cloud-*.ts as the deployer would (`npm run cloud:…` is `tsx scripts/…`), in its own
// process: that process must start with NODE_EXTRA_CA_CERTS to trust the loopback's certificate. Its
// environment is built from scratch, so no key of the person running the tests can leak into it.
// Asynchronous on purpose: the loopback answering it lives in this process.

const ROOT = join(__dirname, '../..')
const TSX = join(ROOT, 'node_modules/.bin/tsx')

export interface ScriptRun {
  code: number
  stdout: string
  stderr: string
}

export function runCloudScript(script: string, args: string[], env: Record<string, string>): Promise<ScriptRun> {
  // NODE_ENV and TARO_ENV only because types/global.d.ts declares them on every environment
  const base = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    LANG: 'C.UTF-8',
    NODE_ENV: 'production',
    TARO_ENV: 'weapp',
  } as const
  return new Promise((resolve) => {
    execFile(
      TSX,
      [join(ROOT, 'scripts', script), ...args],
      { cwd: ROOT, env: { ...base, ...env }, timeout: 90_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, stdout, stderr })
      },
    )
  })
}
