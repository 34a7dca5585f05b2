import type { IH5Config } from '@tarojs/taro/types/compile/config/h5'

// What the H5 build puts in front of the page a QR code opens (issue 13, docs/first-page.md).
// Taro already gives every page its own chunk, loaded when the router goes there; this tunes how
// shared code is cut into files and leaves out what no page uses.
type H5Chain = Parameters<NonNullable<IH5Config['webpackChain']>>[0]

/** Shared code below this (bytes of source, per type) stays in the page chunks that use it. */
const SHARED_MIN_BYTES = 12_000

export function trimH5FirstLoad(chain: H5Chain) {
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
