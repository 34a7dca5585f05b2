/// <reference types="@tarojs/taro" />

// Ambient declarations for the Taro build. This file must stay a script (no import/export), or the
// wildcard module declarations below would turn into augmentations and stop working. The ARIA props
// Taro's component types lack are added by a module augmentation in src/components/taro-a11y.d.ts.

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'
declare module '*.sass'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    /** the platform being built; Taro replaces it at build time */
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony'
    TARO_APP_ID?: string
    /** CloudBase environment id for the WeChat build ('' = the default environment) — see .env */
    TARO_APP_CLOUD_ENV?: string
    /** H5 API base URL ('' = same origin) — see .env */
    TARO_APP_API_BASE?: string
  }
}
