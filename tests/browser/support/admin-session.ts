import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { openSqlStore } from '../../../cloudfunctions/adapters/sql/sql-store'
import { aesVault } from '../../../cloudfunctions/adapters/system/aes-vault'
import { nodeSecrets } from '../../../cloudfunctions/adapters/system/node-secrets'
import { loadOrCreateKeys } from '../../../cloudfunctions/host/host-keys'
import { current, DEMO_PASSWORD, settled } from '../browser-harness'

export type DeskAdmin = { id: string; username: string; displayName: string }

/**
 * The demo seed makes no administrator: a `beforeBoot` for startHarness that writes one with the
 * demo desk password into the fresh data directory before the host starts.
 */
export function withDeskAdmin(admin: DeskAdmin): (dataDir: string) => Promise<void> {
  return async (dataDir) => {
    const keys = loadOrCreateKeys(dataDir, {})
    const store = await openSqlStore({ kind: 'pglite', dataDir: resolve(dataDir, 'pg') }, aesVault(keys.dataKey))
    try {
      await store.saveStaff({
        ...admin,
        role: 'admin',
        siteId: null,
        passwordHash: await nodeSecrets.hashPassword(DEMO_PASSWORD),
        createdAt: new Date().toISOString(),
      })
    } finally {
      await store.close()
    }
  }
}

/** Sign `username` (an administrator with the demo password) in on `page` and wait for 管理. */
export async function signInAsAdmin(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/#/pages/station/login/index`)
  await settled(page)
  await current(page).getByRole('textbox', { name: '用户名' }).fill(username)
  await current(page).getByLabel('密码').fill(DEMO_PASSWORD)
  await current(page).getByRole('button', { name: '登录' }).click()
  await current(page).getByRole('heading', { level: 1, name: '管理' }).waitFor()
}
