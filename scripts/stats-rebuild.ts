// npm run stats:rebuild: the statistics read from every case again (issue 18.2; docs/metrics.md "Storage").
// Opens the store as the host does (DATABASE_URL → PostgreSQL, else PGlite in DATA_DIR/pg), empties the
// statistics tables, marks every case and counts each one as of now. Safe to run while the host runs on
// PostgreSQL (the host's next refresh picks up any case written meanwhile); PGlite is one process only,
// so stop 快诉 first. Exit code 0 done, 1 refused, 2 failed.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { openSqlStore } from '../cloudfunctions/adapters/sql/sql-store'
import { aesVault } from '../cloudfunctions/adapters/system/aes-vault'
import { hmacChainSigner } from '../cloudfunctions/adapters/system/hmac-chain-signer'
import { systemClock } from '../cloudfunctions/adapters/system/system-clock'
import { parseHostConfig } from '../cloudfunctions/host/host-config'
import { loadOrCreateKeys } from '../cloudfunctions/host/host-keys'
import { checkDataKey, dataKeySource } from '../cloudfunctions/host/key-check'
import { rebuildStats } from '../cloudfunctions/services/stats-rebuild'

async function main(): Promise<number> {
  const parsed = parseHostConfig(process.env)
  if (!parsed.ok) {
    console.error(`配置有误：${parsed.problems.join('；')}`)
    return 1
  }
  const config = parsed.config
  const pgDir = resolve(config.dataDir, 'pg')
  if (!config.databaseUrl && existsSync(join(pgDir, 'postmaster.pid'))) {
    console.error(`数据目录 ${pgDir} 正在使用中：PGlite 只能由一个进程打开，请先停止快诉再重算统计。`)
    return 1
  }
  const keys = loadOrCreateKeys(config.dataDir, { dataKey: config.dataKey, linkKey: config.linkKey, chainKey: config.chainKey })
  const store = await openSqlStore(
    config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: pgDir },
    aesVault(keys.dataKey),
  )
  try {
    await checkDataKey(store, keys.dataKey, dataKeySource(config), systemClock.now())
    const report = await rebuildStats({ store, chainSigner: hmacChainSigner(keys.chainKey) }, systemClock.now(), (line) =>
      console.log(line),
    )
    console.log(`统计已重算：${report.cases} 件案件。`)
    return 0
  } finally {
    await store.close()
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`统计重算失败：${err instanceof Error ? err.message : String(err)}`)
    process.exit(2)
  },
)
