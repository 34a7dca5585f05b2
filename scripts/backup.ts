// npm run backup                         → kuaisu-backup-<time>.tar.gz in the current folder
// npm run backup -- --out /path/x.tar.gz
// npm run backup -- --force              PGlite only: back up although the data directory looks in use
// One archive with everything a restore needs (docs/security.md, "Backup and restore"): the database
// (PGlite's data directory as PGlite dumps it, or `pg_dump --format=custom` of DATABASE_URL), the keys
// (keys.json: without it the sealed personal data cannot be read), the evidence files and the chain
// heads. The archive holds the keys: keep it as carefully as the server itself. Mode 600.
// Exit code 0 done, 1 refused (with a Chinese sentence), 2 failed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { restrictNewFiles } from '../cloudfunctions/host/data-dir-modes'
import { parseHostConfig } from '../cloudfunctions/host/host-config'

const BACKUP_FORMAT = 'kuaisu-backup'
/** Files next to the database that the archive carries when they exist (paths inside DATA_DIR). */
const DATA_DIR_ENTRIES = ['keys.json', 'chain-heads.log', 'files'] as const

class Refused extends Error {}

function run(command: string, args: string[], what: string) {
  const done = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' })
  if (done.error || done.status !== 0) throw new Error(`${what}失败：${done.error?.message ?? done.stderr.trim()}`)
}

async function dumpPglite(pgDir: string, out: string, force: boolean) {
  if (!existsSync(join(pgDir, 'PG_VERSION'))) throw new Refused(`没有找到数据库：${pgDir} 不是 PGlite 数据目录，请检查 DATA_DIR。`)
  // PGlite keeps postmaster.pid while it is open and removes it on a clean close
  if (existsSync(join(pgDir, 'postmaster.pid')) && !force) {
    throw new Refused(`数据目录 ${pgDir} 正在使用中（或快诉上次没有正常关闭）：请先停止快诉再备份。确认没有在运行时，可加 --force。`)
  }
  const { PGlite } = await import('@electric-sql/pglite')
  const pglite = new PGlite(pgDir)
  await pglite.waitReady
  try {
    const dump = await pglite.dumpDataDir('gzip')
    writeFileSync(out, Buffer.from(await dump.arrayBuffer()))
  } finally {
    await pglite.close()
  }
}

async function backup(env: Record<string, string | undefined>, args: string[], say: (line: string) => void): Promise<string> {
  const parsed = parseHostConfig(env)
  if (!parsed.ok) throw new Refused(`配置有误：${parsed.problems.join('；')}`)
  const { dataDir, databaseUrl } = parsed.config
  const outAt = args.indexOf('--out')
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')
  const out = resolve(outAt >= 0 && args[outAt + 1] ? args[outAt + 1] : `kuaisu-backup-${stamp}.tar.gz`)
  if (existsSync(out)) throw new Refused(`${out} 已存在，不会覆盖，请换一个文件名。`)

  const staging = mkdtempSync(join(tmpdir(), 'kuaisu-backup-'))
  try {
    const database = databaseUrl ? 'postgres.dump' : 'pglite.tar.gz'
    if (databaseUrl) run('pg_dump', ['--format=custom', '--no-owner', `--file=${join(staging, database)}`, databaseUrl], 'pg_dump ')
    else await dumpPglite(resolve(dataDir, 'pg'), join(staging, database), args.includes('--force'))
    const carried = DATA_DIR_ENTRIES.filter((name) => existsSync(join(dataDir, name)))
    const manifest = {
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      database: databaseUrl ? 'postgres' : 'pglite',
      databaseFile: database,
      dataDirEntries: carried,
      // keys set in the environment are not in any file: the archive cannot carry them
      keysFromEnvironment: ['DATA_KEY', 'LINK_KEY', 'CHAIN_KEY'].filter((k) => !!env[k]),
    }
    writeFileSync(join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2))
    run(
      'tar',
      ['-czf', out, '-C', staging, 'manifest.json', database, ...(carried.length ? ['-C', resolve(dataDir), ...carried] : [])],
      '打包',
    )
    say(`备份完成：${out}`)
    if (!carried.includes('keys.json')) say('注意：备份里没有 keys.json。恢复时需要同样的 DATA_KEY 等环境变量，否则个人信息无法解密。')
    for (const k of manifest.keysFromEnvironment) say(`注意：${k} 来自环境变量，没有写进备份，请另行妥善保存。`)
    say('备份里含有密钥，请像保管服务器一样保管它。')
    return out
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

restrictNewFiles() // the archive holds the keys: mode 600
backup(process.env, process.argv.slice(2), (line) => console.log(line)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Refused ? `备份未完成：${error.message}` : `备份失败：${(error as Error).message}`)
    process.exit(error instanceof Refused ? 1 : 2)
  },
)
