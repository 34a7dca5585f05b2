// The functions as deployed: cloudbaserc.json (the CloudBase CLI's own file, so `tcb fn deploy` and
// `npm run deploy` read the same thing), checked against each function's config.json (what WeChat
// devtools uploads). The two must agree on runtime, memory, timeout and timers, or a deploy from one
// tool would undo the other's.
//
// envVariables are refused in both: the CLI and manager-node send them as the function's complete
// set, so a redeploy would wipe the keys set in the CloudBase console (AppSecret, SMS keys, …).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'

const Trigger = z.strictObject({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,59}$/, { error: '触发器名须以字母开头，最多 60 个字母、数字、- 或 _' }),
  type: z.literal('timer'),
  config: z
    .string()
    .refine((cron) => cron.trim().split(/\s+/).length === 7, { error: '定时触发器的 Cron 表达式须有 7 段（秒 分 时 日 月 星期 年）' }),
})

const NO_ENV = '不要在配置里写 envVariables：部署会用它整体覆盖云端的环境变量，控制台里设置的密钥会被清空'

export const FunctionSpec = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]{1,59}$/),
  handler: z.literal('index.main'),
  runtime: z.string().regex(/^Nodejs\d+\.\d+$/),
  memorySize: z.union([z.literal(128), z.literal(256), z.literal(512), z.literal(1024), z.literal(2048)]),
  timeout: z.number().int().min(1).max(60),
  installDependency: z.literal(true),
  triggers: z.array(Trigger).max(1, { error: '一个云函数只能有一个定时触发器' }).optional(),
  envVariables: z.never({ error: NO_ENV }).optional(),
})
export type FunctionSpec = z.infer<typeof FunctionSpec>

const CloudbaseRc = z.object({
  version: z.literal('2.0'),
  envId: z.string(),
  functionRoot: z.literal('./dist/functions'),
  functions: z.array(FunctionSpec).min(1),
})

/** A function's config.json (WeChat devtools' format). */
const DevtoolsConfig = z.strictObject({
  timeout: z.number(),
  runtime: z.string(),
  memorySize: z.number(),
  permissions: z.strictObject({ openapi: z.array(z.string()) }).optional(),
  triggers: z.array(Trigger).optional(),
  envVariables: z.never({ error: NO_ENV }).optional(),
})

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'))

/** cloudbaserc.json's functions, each checked against its config.json; a Chinese message when not. */
export function readFunctionSpecs(root: string): { ok: true; functions: FunctionSpec[] } | { ok: false; problems: string[] } {
  const rc = CloudbaseRc.safeParse(readJson(join(root, 'cloudbaserc.json')))
  if (!rc.success) return { ok: false, problems: rc.error.issues.map((i) => `cloudbaserc.json ${i.path.join('.')}：${i.message}`) }
  const problems: string[] = []
  for (const fn of rc.data.functions) {
    const file = join(root, 'cloudfunctions', 'functions', fn.name, 'config.json')
    const parsed = DevtoolsConfig.safeParse(readJson(file))
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((i) => `${fn.name}/config.json ${i.path.join('.')}：${i.message}`))
      continue
    }
    const c = parsed.data
    const same = c.timeout === fn.timeout && c.runtime === fn.runtime && c.memorySize === fn.memorySize
    const sameTimers = JSON.stringify(c.triggers ?? []) === JSON.stringify(fn.triggers ?? [])
    if (!same || !sameTimers)
      problems.push(`${fn.name}：config.json 与 cloudbaserc.json 的 runtime、memorySize、timeout 或 triggers 不一致`)
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, functions: rc.data.functions }
}
