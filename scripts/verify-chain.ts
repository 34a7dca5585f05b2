// npm run verify:chain -- KS-20261122-0001 [more case numbers]
// Checks each case's timeline hash chain in the configured store and names the first broken link.
import { resolve } from 'node:path'
import { openSqlStore } from '../cloudfunctions/adapters/sql/sql-store'
import { aesVault } from '../cloudfunctions/adapters/system/aes-vault'
import { nodeSecrets } from '../cloudfunctions/adapters/system/node-secrets'
import { parseHostConfig } from '../cloudfunctions/host/host-config'
import { loadOrCreateKeys } from '../cloudfunctions/host/host-keys'
import { verifyChain } from '../src/domain/workflow/event-chain'

async function main(caseNos: string[]) {
  const parsed = parseHostConfig(process.env)
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  const config = parsed.config
  if (caseNos.length === 0) throw new Error('用法：npm run verify:chain -- <案件编号> …')
  const keys = loadOrCreateKeys(config.dataDir, { dataKey: config.dataKey, linkKey: config.linkKey })
  const store = await openSqlStore(
    config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: resolve(config.dataDir, 'pg') },
    aesVault(keys.dataKey),
  )
  let broken = 0
  try {
    for (const caseNo of caseNos) {
      const found = await store.findCaseByNo(caseNo.toUpperCase())
      if (!found) {
        console.log(`${caseNo}  未找到`)
        broken++
        continue
      }
      const check = verifyChain(await store.listEvents(found.id), nodeSecrets.hashToken)
      if (check.ok) console.log(`${caseNo}  完整，共 ${check.length} 条记录`)
      else {
        broken++
        console.log(`${caseNo}  第 ${check.brokenAtSeq} 条记录起链条断裂（${check.reason}）`)
      }
    }
  } finally {
    await store.close()
  }
  process.exitCode = broken ? 1 : 0
}

main(process.argv.slice(2)).catch((err) => {
  console.error(String(err instanceof Error ? err.message : err))
  process.exitCode = 2
})
