import type { UserConfigExport } from '@tarojs/cli'

// Production: Taro minifies by default; nothing else to change yet.
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
