// npm run cloud:bootstrap -- --env <envId> [--region ap-shanghai]
//
// The first administrator of a fresh environment (docs/staff-identity.md): makes the account
// `first-admin` in the environment's database unless it exists, and prints a one-time setup code
// (valid 24 hours). The person who will administer enters it once in the mini-program (staff →
// bindByCode); from then on their OPENID alone is the administrator, who creates sites, staff
// accounts and shops. Only the code's hash is written. Run it again to get a new code (a lost one,
// or one more administrator's phone): every code and every binding is in staff_binding_log.
//
// Writes through @cloudbase/node-sdk with the deployer's keys (TENCENTCLOUD_SECRETID / SECRETKEY),
// to the collections `npm run cloud:provision` made. With DATABASE_URL set it writes to that
// PostgreSQL instead (the functions must use the same one).
import tcb from '@cloudbase/node-sdk'
import { parseArgs } from 'node:util'
import { cloudbaseIdentityStore } from '../cloudfunctions/adapters/cloudbase-db/cloudbase-identity-store'
import { openSqlStore } from '../cloudfunctions/adapters/sql/sql-store'
import { nodeSecrets } from '../cloudfunctions/adapters/system/node-secrets'
import { randomIds } from '../cloudfunctions/adapters/system/random-ids'
import { systemClock } from '../cloudfunctions/adapters/system/system-clock'
import type { Vault } from '../cloudfunctions/ports/system'
import { FIRST_ADMIN_USERNAME, issueFirstAdminSetupCode, type SetupCode } from '../cloudfunctions/services/first-admin'
import { keysFromEnv, MISSING_ENV_MESSAGE, missingKeysMessage, runMain } from './cloud-manager'

/** Staff accounts hold nothing sealed: a vault that is never asked to open anything. */
const NO_VAULT: Vault = {
  seal: () => {
    throw new Error('cloud:bootstrap seals nothing')
  },
  open: () => {
    throw new Error('cloud:bootstrap opens nothing')
  },
}

function printCode(where: string, setup: SetupCode): void {
  console.log(
    `${where}：${setup.existed ? `管理员账号 ${FIRST_ADMIN_USERNAME} 已存在（已绑定 ${setup.activeBindings} 个微信）` : `已创建管理员账号 ${FIRST_ADMIN_USERNAME}`}`,
  )
  console.log('')
  console.log(`  一次性设置码：${setup.code}`)
  console.log(`  有效期至：${setup.expiresAt}（UTC），只能使用一次`)
  console.log('')
  console.log('在小程序「工作人员绑定」页输入此设置码（云函数 staff 的 bindByCode），绑定后该微信即为管理员。')
  console.log('设置码只显示这一次，数据库只保存它的摘要；遗失请重新运行本命令。')
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { env: { type: 'string', short: 'e' }, region: { type: 'string' } },
    strict: true,
  })
  const deps = { secrets: nodeSecrets, clock: systemClock, ids: randomIds }
  if (process.env.DATABASE_URL) {
    const store = await openSqlStore({ kind: 'postgres', url: process.env.DATABASE_URL }, NO_VAULT)
    try {
      printCode('PostgreSQL（DATABASE_URL）', await issueFirstAdminSetupCode({ ...deps, store }))
    } finally {
      await store.close()
    }
    return 0
  }
  const envId = values.env ?? process.env.TENCENTCLOUD_TCB_ENVID
  if (!envId) {
    console.error(MISSING_ENV_MESSAGE)
    return 2
  }
  const keys = keysFromEnv(process.env)
  if (!keys) {
    console.error(missingKeysMessage(envId, '写入管理员账号'))
    return 2
  }
  process.env.TENCENTCLOUD = 'true' // run outside Tencent's network: no probe of its metadata host
  const app = tcb.init({ env: envId, secretId: keys.secretId, secretKey: keys.secretKey, sessionToken: keys.token, region: values.region })
  const store = cloudbaseIdentityStore(app.database())
  printCode(`云开发环境 ${envId}`, await issueFirstAdminSetupCode({ ...deps, store }))
  return 0
}

runMain(main)
