import { bootHost } from './boot'
import { restrictNewFiles } from './data-dir-modes'
import { parseHostConfig } from './host-config'
import { BootRefusal } from './key-check'

/** `npm start` lands here (after scripts/start.ts made sure the H5 build exists). */
export async function runHostFromEnv(): Promise<void> {
  restrictNewFiles() // first of all: nothing this process writes is readable by other users
  const parsed = parseHostConfig(process.env)
  if (!parsed.ok) {
    console.error('配置有误，快诉未启动：')
    for (const p of parsed.problems) console.error(`  - ${p}`)
    process.exit(1)
  }
  let host: Awaited<ReturnType<typeof bootHost>>
  try {
    host = await bootHost(parsed.config)
  } catch (error) {
    if (!(error instanceof BootRefusal)) throw error
    console.error(error.message) // a sentence for the operator, not a stack trace
    process.exit(1)
  }
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
