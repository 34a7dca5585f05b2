import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import { H5_BROWSERS, H5_TERSER, trimH5FirstLoad } from './h5-first-load'
import prodConfig from './prod'

// Each Taro build empties its outputRoot, so weapp and H5 get their own folders: the local server
// serves dist/h5 while project.config.json points WeChat DevTools at dist/weapp.
const platform = process.env.TARO_ENV || 'weapp'
// KS_OUTPUT_ROOT: build elsewhere (several people testing their own H5 builds on one checkout);
// the browser tests read the same variable (tests/browser/browser-harness.ts).
const outputRoot = process.env.KS_OUTPUT_ROOT || `dist/${platform}`
// H5 is compiled for current phone browsers only (config/h5-first-load.ts); the mini-program keeps package.json's list
if (platform === 'h5' && !process.env.BROWSERSLIST) process.env.BROWSERSLIST = H5_BROWSERS

// zod ships modern syntax (?., ??, class fields). With es6:false in project.config.json WeChat does
// not transpile, and the oldest phones in browserslist cannot parse it — so babel compiles it too.
const compileZod = { include: [(filename: string) => /node_modules[\\/]zod[\\/]/.test(filename)] }

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'kuaisu',
    date: '2026-11-22',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    defineConstants: {},
    // the H5 page's icon (src/index.html links it): without one every browser asks for /favicon.ico and gets a 404
    copy: { patterns: platform === 'h5' ? [{ from: 'src/favicon.svg', to: `${outputRoot}/favicon.svg` }] : [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // how H5's JS is minified (smaller than Taro's default); the mini-program keeps Taro's
    ...(platform === 'h5' ? { terser: H5_TERSER } : {}),
    cache: { enable: false },
    mini: {
      // Moves modules that only a subpackage uses out of the main package (the 2 MB limit).
      optimizeMainPackage: { enable: true },
      compile: compileZod,
      // Component styles use their own BEM class names, so the order webpack emits them in does
      // not matter; without this mini-css-extract warns about "conflicting order" across pages.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      compile: compileZod,
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      // Pages are loaded on demand; what the first page loads besides: config/h5-first-load.ts.
      webpackChain(chain) {
        trimH5FirstLoad(chain)
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // 750-wide design: 34px in scss is 17 CSS px on a 375 phone. The root size grows with the
        // screen; capping it at 24 (a 450-wide phone) keeps the staff desk view from doubling in size.
        pxtransform: { enable: true, config: { maxRootSize: 24 } },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
