import { chineseDaysTable } from '../adapters/calendar/chinese-days-table'
import { join, resolve } from 'node:path'
import { speechFromConfig } from '../adapters/speech/speech-from-config'
import { channelsFromConfig } from '../adapters/notify-channels-from-config'
import { diskFileExists, diskFileStore } from '../adapters/files/disk-file-store'
import { sharpImages } from '../adapters/media/sharp-images'
import { noUploadedObjects } from '../adapters/files/no-uploaded-objects'
import { hostCloudbaseApp, hostFileLinks } from './host-file-links'
import { describeDatabaseError, isDatabaseUnavailable } from '../adapters/db-errors'
import { openSqlStore } from '../adapters/sql/sql-store'
import { aesVault } from '../adapters/system/aes-vault'
import { hmacLinkSigner } from '../adapters/system/hmac-link-signer'
import { hmacChainSigner } from '../adapters/system/hmac-chain-signer'
import { fileChainAnchors } from '../adapters/chain/file-chain-anchors'
import { nodeSecrets } from '../adapters/system/node-secrets'
import { randomIds } from '../adapters/system/random-ids'
import { systemClock } from '../adapters/system/system-clock'
import { DEMO_CLERK_MERCHANT, DEMO_MERCHANTS, DEMO_STAFF } from '../seed/demo-data'
import { writeEntryQrCodes } from '../seed/qr-codes'
import { seedDemo, type DemoCredentials } from '../seed/seed-demo'
import type { Deps } from '../services/context'
import { entryPath, H5_ROUTES } from './entry-routes'
import type { HostConfig } from './host-config'
import { loadOrCreateKeys } from './host-keys'
import { startClockScheduler } from './clock-scheduler'
import { CHAIN_HEADS_FILE, startChainAnchoring } from './chain-anchor-job'
import { buildServer } from './server'
import { restrictNewFiles, restrictTree } from './data-dir-modes'
import { checkDataKey, dataKeySource } from './key-check'
import { chmod, writeFile } from 'node:fs/promises'

export interface RunningHost {
  url: string
  close(): Promise<void>
}

/** Start the whole product in one process: store, migrations, demo data, QR codes, HTTP. */
export async function bootHost(config: HostConfig, say: (line: string) => void = console.log): Promise<RunningHost> {
  // before anything is written: the data directory is for this user only (data-dir-modes.ts)
  restrictNewFiles()
  restrictTree(config.dataDir)
  const keys = loadOrCreateKeys(config.dataDir, { dataKey: config.dataKey, linkKey: config.linkKey, chainKey: config.chainKey })
  const store = await openSqlStore(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl, poolMax: config.dbPoolMax }
      : { kind: 'pglite', dataDir: resolve(config.dataDir, 'pg') },
    aesVault(keys.dataKey),
  )
  // PGlite sets its files' modes itself (0666, whatever the umask): brought back to 0600 now and at close;
  // between the two the data directory's own 0700 keeps other users out
  restrictTree(config.dataDir)
  try {
    await checkDataKey(store, keys.dataKey, dataKeySource(config), systemClock.now()) // another key: a sentence, not 500s
  } catch (error) {
    await store.close()
    throw error
  }
  const links = hmacLinkSigner(keys.linkKey)
  const filesDir = resolve(config.dataDir, 'files')
  const deps: Deps = {
    store,
    clock: systemClock,
    ids: randomIds,
    secrets: nodeSecrets,
    files: diskFileStore(filesDir),
    links,
    // hybrid mode: the mini-program's files through CloudBase temporary URLs (host-file-links.ts)
    fileLinks: hostFileLinks(links, config.cloudbase ? hostCloudbaseApp(config.cloudbase) : null, diskFileExists(filesDir)),
    uploads: noUploadedObjects, // the host takes files in over POST /upload/evidence
    calendar: chineseDaysTable(),
    speech: speechFromConfig(config.tencent, systemClock),
    images: sharpImages,
    chainSigner: hmacChainSigner(keys.chainKey),
    // the daily heads: appended to <dataDir>/chain-heads.log, outside the database they protect, and to the log
    chainAnchors: fileChainAnchors(resolve(config.dataDir, CHAIN_HEADS_FILE)),
  }

  let demo: DemoCredentials | undefined
  if (config.seedDemo) {
    demo = (await seedDemo(deps, { dataDir: config.dataDir, demoPassword: config.demoPassword })).credentials
  }

  const app = await buildServer(deps, {
    h5Dir: config.h5Dir,
    secureCookies: config.cookieSecure,
    loginFailureDelayMs: config.loginFailureDelayMs,
    demoClerk: demo ? { key: demo.clerkKey, merchantId: DEMO_CLERK_MERCHANT.id, siteId: DEMO_CLERK_MERCHANT.siteId } : undefined,
    logLevel: config.logLevel,
    logFile: config.logFile,
    trustProxy: config.trustProxy,
    rateLimits: config.rateLimits,
    uploadQuota: config.uploadQuota,
    freeSpaceFloor: { dir: resolve(config.dataDir, 'files'), minFreeBytes: config.minFreeDiskBytes },
  })
  await app.listen({ port: config.port, host: config.host })
  const channels = channelsFromConfig(config.notify, config.tencent, systemClock, (line) => app.log.info(line))
  const scheduler = startClockScheduler(deps, channels, (err, f) =>
    isDatabaseUnavailable(err)
      ? app.log.warn(`${f.job}: database unavailable (${describeDatabaseError(err)}), try ${f.failures} failed, next in ${f.retryInMs} ms`)
      : app.log.error({ err, ...f }, 'clock tick or dispatch failed'),
  )
  const anchoring = startChainAnchoring(
    deps,
    (line) => app.log.info(line),
    (err, f) => app.log.warn({ err, ...f }, 'anchoring the chain heads failed'),
  )

  if (demo) await printDemo(config, demo, say)
  say(`快诉已启动：${config.publicUrl}  （数据：${config.databaseUrl ? 'PostgreSQL' : resolve(config.dataDir, 'pg')}）`)

  return {
    url: config.publicUrl,
    async close() {
      await scheduler.stop()
      await anchoring.stop()
      await app.close()
      // a LOG_FILE is written asynchronously (pino's destination): the last requests' lines are still on their
      // way when close() returns, so wait for them before the process (or a test reading the file) goes on
      // (pino's flush is not on Fastify's logger type)
      const log = app.log as typeof app.log & { flush?: (cb: (err?: Error) => void) => void }
      await new Promise<void>((done) => (log.flush ? log.flush(() => done()) : done()))
      await store.close()
      restrictTree(config.dataDir)
    },
  }
}

export const DEMO_CREDENTIALS_FILE = 'demo-credentials.txt'

/**
 * The demo's public entry links go to the log; its secrets (the staff passwords and the clerk link,
 * which binds a browser to a shop) go to <dataDir>/demo-credentials.txt, mode 600, and the log
 * names only that file: logs are shipped, kept and read by more people than the data directory.
 */
async function printDemo(config: HostConfig, demo: DemoCredentials, say: (line: string) => void) {
  const base = config.publicUrl
  const entries = DEMO_MERCHANTS.map((m) => ({ code: m.code, name: m.name, url: `${base}${entryPath(m.code)}` }))
  const qrDir = join(config.dataDir, 'qr')
  await writeEntryQrCodes(qrDir, entries)
  const secrets = [
    '快诉演示账号（此文件含密码，只有本机用户可读）',
    '== 商户端（演示店员，打开即绑定到「味道小馆」）',
    `  ${base}/demo/clerk?key=${demo.clerkKey}`,
    '== 维权站 / 代帮办点 / 监管 登录',
    `  ${base}${H5_ROUTES.stationLogin}`,
    ...DEMO_STAFF.map((s) => `  ${s.username.padEnd(10)} 密码 ${demo.passwords[s.username]}   ${s.displayName}`),
    '',
  ]
  const file = resolve(config.dataDir, DEMO_CREDENTIALS_FILE)
  await writeFile(file, secrets.join('\n'), { mode: 0o600 })
  await chmod(file, 0o600) // an older file keeps its mode through writeFile
  say('')
  say('== 消费者入口（每个商户一个，二维码图片在 ' + resolve(qrDir) + '）')
  for (const e of entries) say(`  ${e.name.padEnd(8, '　')} ${e.url}`)
  say(`  我的投诉         ${base}${H5_ROUTES.mine}`)
  say(`== 演示店员链接和工作人员账号密码见 ${file}（仅本机用户可读）`)
  say(`  登录页 ${base}${H5_ROUTES.stationLogin}`)
  say('')
}
