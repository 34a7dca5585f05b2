import { bootHost } from './boot'
import { parseHostConfig } from './host-config'

/** `npm start` lands here (after scripts/start.ts made sure the H5 build exists). */
export async function runHostFromEnv(): Promise<void> {
  const parsed = parseHostConfig(process.env)
  if (!parsed.ok) {
    console.error('配置有误，快诉未启动：')
    for (const p of parsed.problems) console.error(`  - ${p}`)
    process.exit(1)
  }
  const host = await bootHost(parsed.config)
  let stopping = false
  const stop = async () => {
    // Ctrl-C under npm/tsx can arrive twice; the second must not cut the clean close short.
    if (stopping) return
    stopping = true
    await host.close() // closes PGlite cleanly so its data directory is not left half-written
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}
