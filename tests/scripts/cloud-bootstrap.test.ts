// npm run cloud:bootstrap against the CloudBase database loopback: the script in its own process, the
// real @cloudbase/node-sdk writing the first administrator, and then the code it printed redeemed the
// way the mini-program redeems it (the staff function, called as CloudBase calls it, with an OPENID).
// The deployer's only proof that the bootstrap worked is that the printed code binds; so is this test's.
import { cloudbaseStore } from '../../cloudfunctions/adapters/cloudbase-db/cloudbase-store'
import { COLLECTIONS } from '../../cloudfunctions/adapters/cloudbase-db/collection-names'
import { FUNCTIONS } from '../../cloudfunctions/functions/all-functions'
import { createCloudMain } from '../../cloudfunctions/runtime/cloud-main'
import type { Result } from '../../src/domain/errors'
import { wxContext } from '../support/cloud-context'
import { startCloudbaseTestApp, type CloudbaseTestApp } from '../support/cloudbase-test-app'
import { makeDeps, TEST_VAULT } from '../support/test-deps'
import { runCloudScript } from './run-cloud-script'

const ENV_ID = 'kuaisu-boot-1a2b3c'

let cloud: CloudbaseTestApp
let deps: ReturnType<typeof makeDeps>
beforeEach(async () => {
  cloud = await startCloudbaseTestApp(ENV_ID)
  deps = makeDeps(cloudbaseStore(cloud.db, TEST_VAULT), new Date()) // one id sequence per test, as one function instance
  // as after `npm run cloud:provision`: the collections exist, and writing to any other one fails
  cloud.loopback.db.engine.strictCollections = true
  for (const name of Object.values(COLLECTIONS)) await cloud.db.createCollection(name)
})
afterEach(() => cloud.close())

/** The script's environment: the SDK's own context variable points it at the loopback. */
const scriptEnv = () => ({
  TCB_CONTEXT_CNFG: JSON.stringify({ URL: cloud.loopback.serviceUrl }),
  TENCENTCLOUD_SECRETID: 'AKIDtest',
  TENCENTCLOUD_SECRETKEY: 'test-key',
})
const bootstrap = (env: Record<string, string> = scriptEnv()) => runCloudScript('cloud-bootstrap.ts', ['--env', ENV_ID], env)
const printedCode = (stdout: string) => /一次性设置码：(\S+)/.exec(stdout)?.[1]

/** The staff function on the same database, as CloudBase would call it for `openId`. */
const staff = async (event: object, openId: string) =>
  (await createCloudMain(FUNCTIONS.staff, async () => deps)(event, wxContext(openId))) as Result<Record<string, unknown>>

test('when run on a fresh environment, then it creates the administrator and the printed code makes the scanner that administrator, once', async () => {
  const run = await bootstrap()
  expect(run.code).toBe(0)
  expect(run.stdout).toContain(`云开发环境 ${ENV_ID}：已创建管理员账号`)
  const code = printedCode(run.stdout)
  expect(code).toBeDefined()
  expect(await staff({ action: 'bindByCode', code }, 'o-first-admin')).toMatchObject({ ok: true, data: { role: 'admin' } })
  // one-time: a second phone cannot use the same code
  expect(await staff({ action: 'bindByCode', code }, 'o-someone-else')).toMatchObject({ ok: false })
})

test('when run again, then it keeps the account, says how many WeChats are bound, and issues a new code that also binds', async () => {
  const first = await bootstrap()
  await staff({ action: 'bindByCode', code: printedCode(first.stdout) }, 'o-first-admin')
  const again = await bootstrap()
  expect(again.code).toBe(0)
  expect(again.stdout).toContain('已存在（已绑定 1 个微信）')
  const code = printedCode(again.stdout)
  expect(code).not.toBe(printedCode(first.stdout))
  expect(await staff({ action: 'bindByCode', code }, 'o-second-phone')).toMatchObject({ ok: true, data: { role: 'admin' } })
})

test('when run without API keys, then it says in Chinese what is missing and writes nothing', async () => {
  const run = await bootstrap({ TCB_CONTEXT_CNFG: JSON.stringify({ URL: cloud.loopback.serviceUrl }) })
  expect(run.code).toBe(2)
  expect(run.stderr).toContain('缺少腾讯云 API 密钥')
  expect(await cloud.db.collection(COLLECTIONS.staff).count()).toMatchObject({ total: 0 })
})
