import type tcb from '@cloudbase/node-sdk'
import { cloudbaseStore } from '../adapters/cloudbase-db/cloudbase-store'
import { openSqlStore } from '../adapters/sql/sql-store'
import type { Store } from '../ports/store'
import type { Vault } from '../ports/system'

// Where the cloud functions keep their data. By default the CloudBase document database of the
// environment the function runs in: nothing to rent, no network path to open, no DDL at cold start
// (collections and indexes are provisioned once, `npm run cloud:provision`). A deployer who wants
// PostgreSQL sets DATABASE_URL, and then that is used (migrated on the container's first call).

export interface CloudStoreEnv {
  DATABASE_URL?: string
  /** set by CloudBase for every function (the SDK reads the same two to find its environment) */
  TCB_ENV?: string
  SCF_NAMESPACE?: string
}

export const NO_STORE_MESSAGE =
  '未配置数据库：云函数应在云开发环境中运行（使用该环境的云数据库），或设置 DATABASE_URL（postgres://…）改用 PostgreSQL'

export async function openCloudStore(env: CloudStoreEnv, app: ReturnType<typeof tcb.init>, vault: Vault): Promise<Store> {
  if (env.DATABASE_URL) return openSqlStore({ kind: 'postgres', url: env.DATABASE_URL }, vault)
  if (env.TCB_ENV || env.SCF_NAMESPACE) return cloudbaseStore(app.database(), vault)
  throw new Error(NO_STORE_MESSAGE)
}
