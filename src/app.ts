import type { PropsWithChildren } from 'react'
import './app.scss'

// The app shell. The gateway starts CloudBase on its first call (src/api/transport.weapp.ts), so
// nothing needs to happen at launch; children are the pages.
function App({ children }: PropsWithChildren) {
  return children
}

export default App
