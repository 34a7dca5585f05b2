// npm run deploy -- --env <envId> [--dry-run] [--only consumer,merchant] [--dist <built folder>]
//
// Builds the function bundles (scripts/build-functions.ts → dist/functions/<name>/) and deploys each as
// cloudbaserc.json describes it, through @cloudbase/manager-node with the deployer's API keys:
// - a function that does not exist is created (CreateFunction, code as a zip in the request, its timer);
// - one that exists gets its code (UpdateFunctionCode), then its memory and timeout
//   (UpdateFunctionConfiguration, WITHOUT Environment: the variables set in the console stay), and
//   its timer is created, replaced or removed to match.
// CloudBase installs each bundle's package.json dependencies itself ("云端安装依赖").
// The functions are deployed side by side: each waits on its own state, not on the others.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { readFunctionSpecs, type FunctionSpec } from './cloud-functions-config'
import { describeError, keysFromEnv, MISSING_ENV_MESSAGE, missingKeysMessage, openManager, parseCloudArgs, runMain } from './cloud-manager'

const ROOT = resolve(__dirname, '..')
type Manager = ReturnType<typeof openManager>

/** What manager-node sends for a function: the spec as is, never envVariables (the schema refuses them). */
const cloudFunction = (spec: FunctionSpec, withTriggers: boolean) => ({
  name: spec.name,
  handler: spec.handler,
  runtime: spec.runtime,
  memorySize: spec.memorySize,
  timeout: spec.timeout,
  installDependency: spec.installDependency,
  ...(withTriggers && spec.triggers ? { triggers: spec.triggers } : {}),
})

const describeSpec = (s: FunctionSpec) =>
  `${s.runtime}, ${s.memorySize} MB, ${s.timeout} s${s.triggers?.length ? `, timer ${s.triggers.map((t) => `${t.name} "${t.config}"`).join(', ')}` : ''}`

/** A timer as GetFunction shows it: TriggerDesc is {"cron":"…"} for timers. */
function cronOf(desc: unknown): string {
  if (typeof desc !== 'string') return ''
  try {
    const parsed: unknown = JSON.parse(desc)
    if (parsed && typeof parsed === 'object' && 'cron' in parsed && typeof parsed.cron === 'string') return parsed.cron
  } catch {
    // a bare cron expression
  }
  return desc
}

async function findFunction(manager: Manager, name: string) {
  try {
    return await manager.functions.getFunctionDetail(name)
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (typeof code === 'string' && code.startsWith('ResourceNotFound')) return null
    throw error
  }
}

async function deployOne(manager: Manager, spec: FunctionSpec, dist: string): Promise<string[]> {
  const lines: string[] = []
  const existing = await findFunction(manager, spec.name)
  if (!existing) {
    await manager.functions.createFunction({ func: cloudFunction(spec, true), functionRootPath: dist, deployMode: 'zip' })
    return [`+ ${spec.name}: created (${describeSpec(spec)})`]
  }
  if (existing.Runtime && existing.Runtime !== spec.runtime)
    lines.push(
      `! ${spec.name}: runs on ${existing.Runtime}; a runtime is chosen at creation only — delete the function in the console to move it to ${spec.runtime}`,
    )
  await manager.functions.updateFunctionCode({ func: cloudFunction(spec, false), functionRootPath: dist, deployMode: 'zip' })
  await manager.functions.waitFunctionActive(spec.name)
  await manager.functions.updateFunctionConfig(cloudFunction(spec, false))
  await manager.functions.waitFunctionActive(spec.name)
  lines.push(`~ ${spec.name}: code and configuration updated (${describeSpec(spec)})`)

  const present = ((existing.Triggers ?? []) as Array<{ TriggerName?: string; Type?: string; TriggerDesc?: string }>).filter(
    (t) => t.Type === 'timer',
  )
  const wanted = spec.triggers ?? []
  for (const t of present) {
    const keep = wanted.find((w) => w.name === t.TriggerName && w.config === cronOf(t.TriggerDesc))
    if (!keep && t.TriggerName) {
      await manager.functions.deleteFunctionTrigger(spec.name, t.TriggerName)
      lines.push(`- ${spec.name}: timer ${t.TriggerName} removed`)
    }
  }
  const missing = wanted.filter((w) => !present.some((t) => t.TriggerName === w.name && cronOf(t.TriggerDesc) === w.config))
  if (missing.length > 0) {
    await manager.functions.createFunctionTriggers(spec.name, missing)
    lines.push(`+ ${spec.name}: timer ${missing.map((t) => `${t.name} "${t.config}"`).join(', ')}`)
  }
  return lines
}

async function main(): Promise<number> {
  const args = parseCloudArgs(process.argv.slice(2))
  const specs = readFunctionSpecs(ROOT)
  if (!specs.ok) {
    console.error(['函数配置有误：', ...specs.problems.map((p) => `  ${p}`)].join('\n'))
    return 2
  }
  const unknown = args.only.filter((name) => !specs.functions.some((f) => f.name === name))
  if (unknown.length > 0) {
    console.error(`没有这些云函数：${unknown.join('、')}（见 cloudbaserc.json）`)
    return 2
  }
  const chosen = specs.functions.filter((f) => args.only.length === 0 || args.only.includes(f.name))
  if (!args.envId) {
    console.error(MISSING_ENV_MESSAGE)
    return 2
  }
  const dist = args.dist ? resolve(args.dist) : join(ROOT, 'dist', 'functions')
  if (args.dryRun) {
    console.log(`云开发环境 ${args.envId} 将部署（--dry-run：只列出，不构建、不连接）：`)
    if (!args.dist) console.log('  先构建：npm run build:functions → dist/functions/')
    for (const spec of chosen) console.log(`  ${spec.name.padEnd(10)} ${describeSpec(spec)}  from ${join(dist, spec.name)}`)
    console.log('  环境变量不随部署修改：在云开发控制台设置。')
    return 0
  }
  const keys = keysFromEnv(process.env)
  if (!keys) {
    console.error(missingKeysMessage(args.envId, '部署云函数'))
    return 2
  }
  if (!args.dist) {
    const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/build-functions.ts')], {
      cwd: ROOT,
      stdio: 'inherit',
    })
    if (build.status !== 0) {
      console.error('构建云函数失败，未部署任何函数。')
      return 1
    }
  }
  const unbuilt = chosen.filter((spec) => !existsSync(join(dist, spec.name, 'index.js')))
  if (unbuilt.length > 0) {
    console.error(`${dist} 中缺少这些函数的构建结果：${unbuilt.map((s) => s.name).join('、')}`)
    return 2
  }

  // Functions live in the environment's region and scf is addressed per region (tcb is not): unless
  // --region says otherwise, ask the environment where it is rather than assume ap-shanghai.
  const region = args.region ?? (await openManager(args.envId, keys, undefined).env.getEnvInfo()).EnvInfo.Region ?? undefined
  const manager = openManager(args.envId, keys, region || undefined)
  console.log(`云开发环境 ${args.envId}（${region || 'ap-shanghai'}）：部署 ${chosen.map((s) => s.name).join('、')}`)
  const outcomes = await Promise.allSettled(chosen.map((spec) => deployOne(manager, spec, dist)))
  let failed = 0
  outcomes.forEach((outcome, i) => {
    if (outcome.status === 'fulfilled') for (const line of outcome.value) console.log(`  ${line}`)
    else {
      failed++
      console.error(`  ✗ ${chosen[i].name}: ${describeError(outcome.reason)}`)
    }
  })
  if (failed > 0) {
    console.error(`${failed} 个云函数部署失败；其余已部署。修正后可用 --only 只重新部署失败的函数。`)
    return 1
  }
  console.log('部署完成。环境变量未改动（在云开发控制台设置）。')
  return 0
}

runMain(main)
