// npm run restore -- kuaisu-backup-….tar.gz            into DATA_DIR (and DATABASE_URL, if set)
// npm run restore -- kuaisu-backup-….tar.gz --force    even over an existing database and files
// The other half of npm run backup (docs/security.md). Refuses to overwrite: a DATA_DIR that already
// holds a database, keys or files, or a PostgreSQL database that already has tables, is left alone
// unless --force is given. Stop the host first. Exit code 0 done, 1 refused, 2 failed.
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { restrictNewFiles, restrictTree } from '../cloudfunctions/host/data-dir-modes'
import { parseHostConfig } from '../cloudfunctions/host/host-config'

const Manifest = z.object({
  format: z.literal('kuaisu-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  database: z.enum(['pglite', 'postgres']),
  databaseFile: z.enum(['pglite.tar.gz', 'postgres.dump']),
  dataDirEntries: z.array(z.enum(['keys.json', 'chain-heads.log', 'files'])),
})

class Refused extends Error {}

function run(command: string, args: string[], what: string) {
  const done = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' })
  if (done.error || done.status !== 0) throw new Error(`${what}失败：${done.error?.message ?? done.stderr.trim()}`)
}

const isNonEmpty = (path: string) => existsSync(path) && readdirSync(path).length > 0

async function postgresHasTables(url: string): Promise<boolean> {
  const pg = await import('pg')
  const Client = pg.Client ?? (pg as unknown as { default: typeof pg }).default.Client
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query("select count(*)::int as n from information_schema.tables where table_schema = 'public'")
    return rows[0].n > 0
  } finally {
    await client.end()
  }
}

async function restore(env: Record<string, string | undefined>, args: string[], say: (line: string) => void) {
  const parsed = parseHostConfig(env)
  if (!parsed.ok) throw new Refused(`配置有误：${parsed.problems.join('；')}`)
  const { dataDir, databaseUrl } = parsed.config
  const archive = args.find((a) => !a.startsWith('--'))
  const force = args.includes('--force')
  if (!archive || !existsSync(archive))
    throw new Refused(`请给出备份文件：npm run restore -- <备份文件>${archive ? `（${archive} 不存在）` : ''}`)

  const unpacked = mkdtempSync(join(tmpdir(), 'kuaisu-restore-'))
  try {
    run('tar', ['-xzf', resolve(archive), '-C', unpacked], '解包')
    const read = Manifest.safeParse(JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8')))
    if (!read.success) throw new Refused(`${archive} 不是快诉的备份文件（manifest.json 不符）。`)
    const manifest = read.data
    if (manifest.database === 'postgres' && !databaseUrl)
      throw new Refused('这是 PostgreSQL 的备份：请设置 DATABASE_URL 指向要恢复到的数据库。')
    if (manifest.database === 'pglite' && databaseUrl) throw new Refused('这是内置数据库（PGlite）的备份：恢复时请不要设置 DATABASE_URL。')

    const pgDir = resolve(dataDir, 'pg')
    const occupied = [
      ...(manifest.database === 'pglite' && isNonEmpty(pgDir) ? [pgDir] : []),
      ...(manifest.database === 'postgres' && databaseUrl && (await postgresHasTables(databaseUrl)) ? ['DATABASE_URL 指向的数据库'] : []),
      ...['keys.json', 'chain-heads.log', 'files']
        .map((n) => join(dataDir, n))
        .filter((p) => existsSync(p) && (!p.endsWith('files') || isNonEmpty(p))),
    ]
    if (occupied.length && !force) {
      throw new Refused(`目标里已经有数据，不会覆盖：${occupied.join('、')}。确认要用备份替换它们时，请停止快诉后加 --force。`)
    }

    mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    if (manifest.database === 'pglite') {
      rmSync(pgDir, { recursive: true, force: true })
      const { PGlite } = await import('@electric-sql/pglite')
      const dump = new Blob([readFileSync(join(unpacked, manifest.databaseFile))])
      const pglite = new PGlite(pgDir, { loadDataDir: dump })
      await pglite.waitReady
      await pglite.close()
    } else {
      run(
        'pg_restore',
        ['--clean', '--if-exists', '--no-owner', `--dbname=${databaseUrl}`, join(unpacked, manifest.databaseFile)],
        'pg_restore ',
      )
    }
    for (const name of manifest.dataDirEntries) {
      const target = join(dataDir, name)
      rmSync(target, { recursive: true, force: true })
      if (name === 'files') cpSync(join(unpacked, name), target, { recursive: true })
      else copyFileSync(join(unpacked, name), target)
    }
    restrictTree(dataDir)
    say(`恢复完成：${archive}（${manifest.createdAt} 的备份）→ ${resolve(dataDir)}${databaseUrl ? ' 与 DATABASE_URL' : ''}`)
    if (!manifest.dataDirEntries.includes('keys.json')) say('注意：备份里没有 keys.json，启动时请设置当初的 DATA_KEY 等环境变量。')
  } finally {
    rmSync(unpacked, { recursive: true, force: true })
  }
}

restrictNewFiles()
restore(process.env, process.argv.slice(2), (line) => console.log(line)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Refused ? `恢复未完成：${error.message}` : `恢复失败：${(error as Error).message}`)
    process.exit(error instanceof Refused ? 1 : 2)
  },
)
