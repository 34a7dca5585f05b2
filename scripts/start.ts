// npm start: check the configuration, build the H5 app if it is missing, then run the local host.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseHostConfig } from '../cloudfunctions/host/host-config'
import { runHostFromEnv } from '../cloudfunctions/host/main'

const parsed = parseHostConfig(process.env)
if (parsed.ok && !existsSync(resolve(parsed.config.h5Dir, 'index.html'))) {
  console.log(`未找到 H5 构建（${parsed.config.h5Dir}），正在构建，约需 1–3 分钟…`)
  const build = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (build.status !== 0) {
    console.error('H5 构建失败，请查看上面的输出。')
    process.exit(build.status ?? 1)
  }
}
void runHostFromEnv()
