import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

// Plays the WeChat client around the real weapp build (dist/weapp): the globals the built code
// expects (App, getApp, Page, getCurrentPages, requirePlugin, wx) and the app launch. The build is
// run as shipped — Taro's runtime, React and the page code — nothing is re-compiled from src/.

/** KS_WEAPP_BUILD names a build made elsewhere (KS_OUTPUT_ROOT=dist/weapp-x npm run build:weapp) */
export const DIST = process.env.KS_WEAPP_BUILD
  ? resolve(__dirname, '../../..', process.env.KS_WEAPP_BUILD)
  : join(__dirname, '../../../dist/weapp')

/** Fails with something actionable instead of "Cannot find module …/app.js". */
export function assertWeappBuilt(): void {
  if (!existsSync(join(DIST, 'app.json'))) {
    throw new Error(`${join(DIST, 'app.json')} is missing: run \`npm run build:weapp\` first (\`npm test\` builds it before jest)`)
  }
}

export type Fn = (this: unknown, ...args: unknown[]) => unknown
export type Config = Record<string, unknown>

const g = globalThis as Record<string, unknown>
let appConfig: Config | undefined
const pageConfigs = new Map<string, Config>()
let requiringRoute = ''
/** the build the app was booted from: dist/weapp, or a copy of it (template-ids.ts) */
let booted = DIST

/** Where the running app's files are (page-host.ts copies a page's wxml from here). */
export const bootedBuild = () => booted

/** The page stack behind getCurrentPages(); page-host.ts pushes and pops the simulated pages. */
export const pageStack: unknown[] = []

/**
 * Installs the globals, runs the build's app.js (it pulls in runtime, taro, vendors and common, then
 * calls App()) and launches the app the way a scanned mini-program code does (scene 1047). The build
 * is dist/weapp unless `build` names a copy of it (template-ids.ts).
 *
 * Call it after miniprogram-simulate has been required: simulate replaces `global.wx` with its own
 * stub API when it loads. And `wx` must be complete before app.js runs: taro.js copies its keys onto
 * `Taro` once, at load time.
 */
export function bootApp(wx: Record<string, unknown>, launch: { path: string; query: Record<string, string> }, build = DIST): void {
  if (appConfig) throw new Error('bootApp: the app is already running (once per test file)')
  booted = build
  g.wx = wx
  g.App = (config: Config) => void (appConfig = config)
  g.getApp = () => appConfig
  g.getCurrentPages = () => pageStack.slice() // taro.js dereferences it at load time
  // like WeChat for a plugin app.json does not declare (this app declares none)
  g.requirePlugin = (name: string) => {
    throw new Error(`requirePlugin: plugin "${name}" is not declared in app.json`)
  }
  // a built page's js calls Page(config) when it runs: keep the config under its route
  g.Page = (config: Config) => void pageConfigs.set(requiringRoute, config)

  require(join(booted, 'app.js'))
  const app = (g.getApp as () => Config | undefined)()
  if (!app) throw new Error('dist/weapp/app.js did not call App()')
  const options = { path: launch.path, query: launch.query, scene: 1047 }
  ;(app.onLaunch as Fn).call(app, options)
  ;(app.onShow as Fn).call(app, options)
}

/** Runs a built page's js (dist/weapp/<route>.js) once and returns the Page config Taro made. */
export function pageConfig(route: string): Config {
  if (!pageConfigs.has(route)) {
    requiringRoute = route
    require(join(booted, `${route}.js`))
    if (!pageConfigs.has(route)) throw new Error(`dist/weapp/${route}.js did not call Page()`)
  }
  return pageConfigs.get(route)!
}
