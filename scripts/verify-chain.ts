// npm run verify:chain                        every case
// npm run verify:chain -- KS-20261122-0001 …  the cases named
// npm run verify:chain -- --anchor            anchor every case's head now (as the host does daily), then verify
// Checks each case's record — hash chain, signatures under CHAIN_KEY, the case row against its last
// event, the last anchored head in <dataDir>/chain-heads.log — and says what it found in Chinese
// (docs/chain-integrity.md). Exit code 1 when any case is not intact, 2 when it could not run.
import { resolve } from 'node:path'
import { fileChainAnchors } from '../cloudfunctions/adapters/chain/file-chain-anchors'
import { openSqlStore } from '../cloudfunctions/adapters/sql/sql-store'
import { aesVault } from '../cloudfunctions/adapters/system/aes-vault'
import { hmacChainSigner } from '../cloudfunctions/adapters/system/hmac-chain-signer'
import { nodeSecrets } from '../cloudfunctions/adapters/system/node-secrets'
import { systemClock } from '../cloudfunctions/adapters/system/system-clock'
import { CHAIN_HEADS_FILE } from '../cloudfunctions/host/chain-anchor-job'
import { parseHostConfig } from '../cloudfunctions/host/host-config'
import { loadOrCreateKeys } from '../cloudfunctions/host/host-keys'
import type { Case } from '../src/domain/case.schema'
import { anchorChainHeads } from '../cloudfunctions/services/chain-anchor'
import { verifyCaseRecord } from '../cloudfunctions/services/verify-chain'

const PAGE = 200

async function verifyChains(env: Record<string, string | undefined>, args: string[], say: (line: string) => void): Promise<number> {
  const parsed = parseHostConfig(env)
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  const config = parsed.config
  const keys = loadOrCreateKeys(config.dataDir, { dataKey: config.dataKey, linkKey: config.linkKey, chainKey: config.chainKey })
  const store = await openSqlStore(
    config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: resolve(config.dataDir, 'pg') },
    aesVault(keys.dataKey),
  )
  const deps = {
    store,
    clock: systemClock,
    secrets: nodeSecrets,
    chainSigner: hmacChainSigner(keys.chainKey),
    chainAnchors: fileChainAnchors(resolve(config.dataDir, CHAIN_HEADS_FILE)),
  }
  let broken = 0
  try {
    if (args.includes('--anchor')) {
      const anchor = await anchorChainHeads(deps, null)
      say(anchor ? `已锚定 ${anchor.heads.length} 个案件的链头到 ${deps.chainAnchors.where}` : '没有案件，未锚定')
    }
    const caseNos = args.filter((a) => !a.startsWith('--'))
    const cases: (Case | string)[] =
      caseNos.length > 0
        ? await Promise.all(caseNos.map(async (no) => (await store.findCaseByNo(no.toUpperCase())) ?? no))
        : await allCases(store)
    for (const c of cases) {
      if (typeof c === 'string') {
        say(`${c}  未找到`)
        broken++
        continue
      }
      const report = await verifyCaseRecord(deps, c)
      if (!report.intact) broken++
      say(`${c.caseNo}  ${report.intact ? report.summary : '有改动痕迹'}`)
      for (const f of report.findings) say(`  ✗ ${f.message}`)
      for (const n of report.notes) say(`  · ${n}`)
    }
    say(cases.length === 0 ? '没有案件' : `共核对 ${cases.length} 个案件：${broken === 0 ? '全部完整' : `${broken} 个有问题`}`)
  } finally {
    await store.close()
  }
  return broken ? 1 : 0
}

async function allCases(store: { listAllCases(p: { limit: number; offset: number }): Promise<Case[]> }): Promise<Case[]> {
  const seen = new Map<string, Case>()
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listAllCases({ limit: PAGE, offset })
    for (const c of page) seen.set(c.id, c)
    if (page.length < PAGE) return [...seen.values()].sort((a, b) => a.caseNo.localeCompare(b.caseNo))
  }
}

verifyChains(process.env, process.argv.slice(2), (line) => console.log(line)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(String(err instanceof Error ? err.message : err))
    process.exitCode = 2
  },
)
