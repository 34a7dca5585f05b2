import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import simulate from 'miniprogram-simulate'
import { bootedBuild, pageConfig, pageStack, type Fn } from './mini-program'
import { untilTrue } from './turns'

// miniprogram-simulate renders custom *components* only. A built Taro page becomes one here: its own
// wxml and json, copied byte for byte into a throwaway root beside base.wxml, utils.wxs and Taro's
// recursive `comp` (same relative paths as in dist/weapp), plus a generated js registering a
// Component whose lifetimes drive the Page config as WeChat would (attached → onLoad, onShow,
// onReady; detached → onUnload).
//
// Why a copy and not dist/weapp itself: the generated js must not land in the build output, and wcc
// compiles every wxml under the root — once per root and process, so all files exist before load.

type SimNode = ReturnType<typeof simulate.render>

export interface OpenedPage {
  /** all text the page shows, as rendered to the DOM */
  text(): string
  /** a rendered element by selector (the page's own class names); throws if absent */
  find(selector: string): SimNode
  /** what WeChat fires when the person types: `input` with detail.value, into Taro's event bridge */
  type(node: SimNode, value: string): void
  tap(node: SimNode): void
  /**
   * Lets the page run, one macrotask at a time (promise chains, Taro's batched setData, the fake
   * cloud's answers), until `done()` holds. It counts event-loop turns, never milliseconds, so a
   * slow machine only takes longer; it fails if the page gets stuck.
   */
  settle(what: string, done: () => boolean): Promise<void>
  close(): void
}

export interface PageHost {
  open(query: Record<string, string>): OpenedPage
  dispose(): void
}

export function hostPage(route: string): PageHost {
  const config = pageConfig(route)
  const root = mkdtempSync(join(tmpdir(), 'kuaisu-weapp-'))
  for (const file of ['base.wxml', 'utils.wxs', 'comp.json', 'comp.wxml', 'comp.js', `${route}.wxml`, `${route}.json`]) {
    mkdirSync(dirname(join(root, file)), { recursive: true })
    copyFileSync(join(bootedBuild(), file), join(root, file))
  }

  let query: Record<string, string> = {}
  const methods: Record<string, Fn> = {}
  for (const [key, value] of Object.entries(config)) if (typeof value === 'function') methods[key] = value as Fn
  // simulate `require`s the generated js itself, so the definition travels through a global
  const globalKey = `__kuaisuPage_${route.replace(/\W/g, '_')}`
  ;(globalThis as Record<string, unknown>)[globalKey] = {
    data: config.data,
    methods,
    lifetimes: {
      attached(this: Record<string, unknown>) {
        this.route = route // set by WeChat on every page; Taro's router reads it
        pageStack.push(this)
        ;(this.onLoad as Fn).call(this, { ...query })
        ;(this.onShow as Fn).call(this)
        ;(this.onReady as Fn).call(this)
      },
      detached(this: Record<string, unknown>) {
        ;(this.onUnload as Fn).call(this)
        pageStack.splice(pageStack.indexOf(this), 1)
      },
    },
  }
  writeFileSync(join(root, `${route}.js`), `Component(globalThis[${JSON.stringify(globalKey)}])\n`)

  // Loaded once and rendered per test: loading the same path twice in one jest run would not re-run
  // its js (jest's module registry ignores simulate's require.cache delete) and wcc compiles once.
  const componentId = simulate.load(join(root, route), { rootPath: root })

  return {
    open(nextQuery) {
      query = nextQuery
      const page = simulate.render(componentId)
      page.attach(document.createElement('page-parent'))
      const text = () => page.dom?.textContent ?? ''
      return {
        text,
        find(selector) {
          const node = page.querySelector(selector)
          if (!node) throw new Error(`no ${selector} on the page; it shows: ${text()}`)
          return node
        },
        type: (node, value) => node.dispatchEvent('input', { detail: { value, cursor: value.length } }),
        tap: (node) => node.dispatchEvent('tap', { detail: { x: 0, y: 0 } }),
        settle: (what, done) => untilTrue(what, done, text),
        close: () => page.detach(),
      }
    },
    dispose() {
      delete (globalThis as Record<string, unknown>)[globalKey]
      rmSync(root, { recursive: true, force: true })
    },
  }
}
