// npm run deploy against Tencent's management API on loopback (scf and tcb hosts, through manager-node's
// proxy setting, signatures checked): which functions are created or updated with what, that a
// redeploy leaves the environment variables set in the console alone, and that timers end up as
// cloudbaserc.json says.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readFunctionSpecs } from '../../scripts/cloud-functions-config'
import { startManagerLoopback, type ManagerLoopback } from '../support/cloudbase-manager-loopback'
import { runCloudScript } from './run-cloud-script'

const ENV_ID = 'kuaisu-test-1a2b3c'
const ROOT = join(__dirname, '../..')
const specs = readFunctionSpecs(ROOT)
if (!specs.ok) throw new Error(specs.problems.join('\n'))
const FUNCTIONS = specs.functions
const NAMES = FUNCTIONS.map((f) => f.name).sort()

let loopback: ManagerLoopback
let dist: string
beforeAll(() => {
  // small stand-ins for the built bundles: what is deployed is the folder, whatever its index.js says
  dist = mkdtempSync(join(tmpdir(), 'kuaisu-deploy-dist-'))
  for (const name of NAMES) {
    mkdirSync(join(dist, name))
    writeFileSync(join(dist, name, 'index.js'), `exports.main = async () => ({ fn: ${JSON.stringify(name)} })\n`)
    writeFileSync(join(dist, name, 'package.json'), JSON.stringify({ name: `kuaisu-fn-${name}`, private: true, main: 'index.js' }))
  }
})
afterAll(() => rmSync(dist, { recursive: true, force: true }))
beforeEach(async () => {
  loopback = await startManagerLoopback(ENV_ID)
})
afterEach(() => loopback.close())

const deploy = (...args: string[]) => runCloudScript('cloud-deploy.ts', ['--env', ENV_ID, '--dist', dist, ...args], loopback.childEnv())
const calls = (action: string) => loopback.calls.filter((c) => c.action === action)
const ok = (run: { code: number; stderr: string }) => expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })

test('when run without API keys, then it says in Chinese which keys it needs and neither builds nor calls anything', async () => {
  const run = await runCloudScript('cloud-deploy.ts', ['--env', ENV_ID], { http_proxy: loopback.proxyUrl })
  expect(run.code).toBe(2)
  expect(run.stderr).toContain('缺少腾讯云 API 密钥，无法部署云函数')
  expect(run.stdout).not.toContain('functions built')
  expect(loopback.calls).toEqual([])
})

test('when run with --dry-run, then it lists every function with its runtime, memory, timeout and timer, and calls nothing', async () => {
  const run = await runCloudScript('cloud-deploy.ts', ['--env', ENV_ID, '--dry-run'], {})
  expect(run.code).toBe(0)
  expect(run.stdout).toMatch(/consumer\s+Nodejs20\.19, 1024 MB, 20 s/)
  expect(run.stdout).toMatch(/clock\s+Nodejs20\.19, 256 MB, 60 s, timer tick "0 \*\/1 \* \* \* \* \*"/)
  expect(run.stdout).toMatch(/notify\s+Nodejs20\.19, 256 MB, 60 s, timer dispatch "0 \*\/1 \* \* \* \* \*"/)
  expect(loopback.calls).toEqual([])
})

test('when deployed to an environment without the functions, then each is created as cloudbaserc.json says, with its timer and no environment variables', async () => {
  ok(await deploy())
  expect(loopback.calls.filter((c) => c.signatureProblem !== null)).toEqual([])
  expect(new Set(loopback.calls.map((c) => `${c.host} ${c.version}`))).toEqual(
    new Set(['tcb.tencentcloudapi.com 2018-06-08', 'scf.tencentcloudapi.com 2018-04-16']),
  )
  const created = calls('CreateFunction')
  expect(created.map((c) => c.params.FunctionName).sort()).toEqual(NAMES)
  for (const spec of FUNCTIONS) {
    const params = created.find((c) => c.params.FunctionName === spec.name)?.params
    expect(params).toMatchObject({
      Namespace: ENV_ID,
      Handler: 'index.main',
      Runtime: spec.runtime,
      MemorySize: spec.memorySize,
      Timeout: spec.timeout,
      InstallDependency: 'TRUE',
      Code: { ZipFile: expect.stringMatching(/^UEsD/) },
    })
    expect(params).not.toHaveProperty('Environment')
  }
  expect(loopback.state.functions.get('consumer')?.MemorySize).toBe(1024)
  const timers = calls('BatchCreateTrigger').map((c) => [c.params.FunctionName, JSON.parse(String(c.params.Triggers))])
  expect(timers.sort()).toEqual([
    ['clock', [{ TriggerName: 'tick', Type: 'timer', TriggerDesc: '0 */1 * * * * *' }]],
    ['notify', [{ TriggerName: 'dispatch', Type: 'timer', TriggerDesc: '0 */1 * * * * *' }]],
  ])
})

test('when deployed again, then code and configuration are updated, nothing is created twice, and the variables set in the console stay', async () => {
  ok(await deploy())
  const consumer = loopback.state.functions.get('consumer')
  if (!consumer) throw new Error('consumer was not created')
  consumer.Environment = { Variables: [{ Key: 'WECHAT_APPSECRET', Value: 'set-in-the-console' }] }
  loopback.calls.length = 0

  ok(await deploy())
  expect(calls('CreateFunction')).toEqual([])
  expect(calls('BatchCreateTrigger')).toEqual([])
  expect(calls('DeleteTrigger')).toEqual([])
  expect(
    calls('UpdateFunctionCode')
      .map((c) => c.params.FunctionName)
      .sort(),
  ).toEqual(NAMES)
  const configured = calls('UpdateFunctionConfiguration')
  expect(configured.map((c) => c.params.FunctionName).sort()).toEqual(NAMES)
  for (const c of configured) expect(c.params).not.toHaveProperty('Environment')
  expect(configured.find((c) => c.params.FunctionName === 'consumer')?.params).toMatchObject({ MemorySize: 1024, Timeout: 20 })
  expect(consumer.Environment.Variables).toEqual([{ Key: 'WECHAT_APPSECRET', Value: 'set-in-the-console' }])
  expect(loopback.state.functions.get('clock')?.Triggers).toEqual([
    { TriggerName: 'tick', Type: 'timer', TriggerDesc: '{"cron":"0 */1 * * * * *"}' },
  ])
})

test('when a timer was changed in the console, then the next deploy puts the one in cloudbaserc.json back', async () => {
  ok(await deploy('--only', 'clock'))
  const clock = loopback.state.functions.get('clock')
  if (!clock) throw new Error('clock was not created')
  clock.Triggers = [{ TriggerName: 'tick', Type: 'timer', TriggerDesc: '{"cron":"0 */5 * * * * *"}' }]
  loopback.calls.length = 0

  ok(await deploy('--only', 'clock'))
  expect(calls('DeleteTrigger').map((c) => c.params)).toEqual([
    { FunctionName: 'clock', Namespace: ENV_ID, TriggerName: 'tick', Type: 'timer' },
  ])
  expect(clock.Triggers).toEqual([{ TriggerName: 'tick', Type: 'timer', TriggerDesc: '{"cron":"0 */1 * * * * *"}' }])
  expect(new Set(loopback.calls.map((c) => c.params.FunctionName).filter(Boolean))).toEqual(new Set(['clock']))
})

test('when the environment lives in another region, then the function calls are addressed there without --region', async () => {
  const guangzhou = await startManagerLoopback(ENV_ID, 'ap-guangzhou')
  try {
    ok(await runCloudScript('cloud-deploy.ts', ['--env', ENV_ID, '--dist', dist, '--only', 'inbox'], guangzhou.childEnv()))
    const scf = guangzhou.calls.filter((c) => c.service === 'scf')
    expect(scf.map((c) => c.action)).toContain('CreateFunction')
    expect(new Set(scf.map((c) => c.region))).toEqual(new Set(['ap-guangzhou']))
    expect(guangzhou.state.functions.has('inbox')).toBe(true)
  } finally {
    await guangzhou.close()
  }
})
