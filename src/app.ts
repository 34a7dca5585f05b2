import type { PropsWithChildren } from 'react'
import { z } from 'zod'
import './app.scss'

// zod probes for eval (new Function) to compile its parsers. The host's Content-Security-Policy has
// no 'unsafe-eval' (docs/security.md), so the probe only produced a CSP violation report: skip it.
z.config({ jitless: true })

// The app shell. The gateway starts CloudBase on its first call (src/api/transport.weapp.ts), so
// nothing needs to happen at launch; children are the pages.
function App({ children }: PropsWithChildren) {
  return children
}

export default App
