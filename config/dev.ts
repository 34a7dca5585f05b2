import type { UserConfigExport } from '@tarojs/cli'

// Local development: readable output, build stats in the terminal.
export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
