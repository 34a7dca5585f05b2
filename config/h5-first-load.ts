import { writeFileSync } from 'node:fs'
import type { IH5Config } from '@tarojs/taro/types/compile/config/h5'
import type { Compiler } from 'webpack'

// What the H5 build puts in front of the page a QR code opens (issue 13, docs/first-page.md).
// Taro already gives every page its own chunk, loaded when the router goes there; this tunes how
// shared code is cut into files and leaves out what no page uses.
type H5Chain = Parameters<NonNullable<IH5Config['webpackChain']>>[0]

class ChunkStatsPlugin {
  constructor(private readonly file: string) {}
  apply(compiler: Compiler) {
    compiler.hooks.done.tap('ks-chunk-stats', (stats) => {
      const json = stats.toJson({
        all: false,
        chunks: true,
        chunkModules: true,
        chunkOrigins: true,
        nestedModules: true,
        dependentModules: true,
        chunkModulesSpace: Infinity,
        nestedModulesSpace: Infinity,
        ids: true,
      })
      writeFileSync(this.file, JSON.stringify(json))
    })
  }
}

/** Shared code below this (bytes of source, per type) stays in the page chunks that use it. */
const SHARED_MIN_BYTES = 12_000

export function trimH5FirstLoad(chain: H5Chain) {
  // KS_H5_STATS=<file>: write which modules sit in which chunk (to see what a chunk is made of)
  const statsFile = process.env.KS_H5_STATS
  if (statsFile) chain.plugin('ks-chunk-stats').use(ChunkStatsPlugin, [statsFile])
  chain.optimization.merge({
    splitChunks: {
      // Taro's default splits only the initial chunk, so every page chunk carried its own copy of zod
      // and the gateway (≈170 KB each); sharing async chunks too loads them once.
      chunks: 'all',
      cacheGroups: {
        // Taro's `common` group has minSize 0: every component two pages share became a file of its
        // own, and the complaint page fetched 39 files, half of them under 1 KB. Small shared modules
        // now ride in the page chunks instead (a little duplication between pages, far fewer requests);
        // big shared code (zod, the gateway, the contract) still gets its own cacheable chunk.
        common: { minSize: SHARED_MIN_BYTES },
      },
    },
  })
  // The domain is pure by rule (docs/architecture.md: no Node built-ins, no clock, nothing done on import), so webpack
  // may leave out what no page uses: the contract needs one schema from chain-audit.ts or one list from
  // subscribe-messages.ts, not the server-side auditing and message-building code around it.
  // validation.ts is the exception: importing it sets zod's Chinese messages.
  // (Rules are written with .set(key, value): webpack-chain's types know webpack 4's rule keys only.)
  const pure = chain.module.rule('pure-domain').test(/[\\/]src[\\/]domain[\\/].*\.ts$/)
  pure.exclude.add(/[\\/]src[\\/]domain[\\/]validation\.ts$/)
  pure.set('sideEffects', false)

  // Taro's global component CSS carries the weui icon font (≈ 6 KB of base64, ≈ 3 KB on the wire, in
  // the entry chunk of every page) for its <Icon> component, which this app does not use. The font's
  // data: URL, and only the one in that file, becomes an empty font; if <Icon> is ever used, drop this.
  chain.module
    .rule('unused-weui-font')
    .set('scheme', 'data')
    .set('mimetype', 'application/octet-stream')
    .set('issuer', /[\\/]@tarojs[\\/]components[\\/]dist[\\/]taro-components[\\/]taro-components\.css$/)
    .set('type', 'asset/inline')
    .set('generator', { dataUrl: () => 'data:font/ttf;base64,' })
}

/**
 * Terser options for the H5 build, merged over Taro's defaults (H5BaseConfig in @tarojs/webpack5-runner).
 * Taro keeps every function's name and quotes every object key (`{"value":void 0}`: IE8's reserved
 * words), which the browsers this app supports do not need; `passes: 2` lets terser inline what the first
 * pass uncovered. Taro's H5 code and ours never read a function's `.name` at run time (checked by grep).
 */
export const H5_TERSER = {
  enable: true,
  config: {
    keep_fnames: false,
    compress: { passes: 2 },
    output: { keep_quoted_props: false, quote_keys: false },
  },
}

/**
 * The browsers the H5 build is compiled for (babel and autoprefixer read BROWSERSLIST before
 * package.json's list, which the mini-program build keeps). package.json's "last 3 versions" takes in
 * IE 9–11 and old BlackBerry, so every async function became regenerator code and every class and
 * spread an ES5 helper, on a page only phones open: WeChat's in-app browser (XWeb, Chromium-based),
 * phone browsers (Chromium-based, and_uc/and_qq) and iOS Safari. iOS 12 runs on every iPhone since the
 * 5s (2013); iOS 10–11 phones, Chrome before 64 and IE are no longer served a page that runs.
 */
export const H5_BROWSERS = [
  'chrome >= 64',
  'and_chr >= 64',
  'android >= 64',
  'samsung >= 9',
  'and_uc >= 12',
  'and_qq >= 10',
  'ios_saf >= 12',
  'safari >= 12',
  'edge >= 79',
  'firefox >= 67',
  'and_ff >= 67',
].join(', ')
