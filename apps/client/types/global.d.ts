/// <reference types="@tarojs/taro" />

declare module '*.css';
declare module '*.png' {
  /** The emitted file's URL (H5) or package path (weapp). */
  const src: string;
  export default src;
}

/** Origin of the HTTP API ('' = same origin as the H5 page); set by config/index.ts from env API_BASE. */
declare const API_BASE: string;
/** Version of apps/client/package.json, shown on the 我的 page. */
declare const APP_VERSION: string;
/**
 * WeChat subscribe-message template ids (env SUBSCRIBE_TEMPLATE_IDS, comma-separated; the same ids the
 * server sends with, WECHAT_TEMPLATE_STATUS / WECHAT_TEMPLATE_RESOLVED). Empty: nothing is asked.
 */
declare const SUBSCRIBE_TEMPLATE_IDS: readonly string[];

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5';
    API_BASE?: string;
    TARO_APP_ALLOW_HTTP?: string;
    SUBSCRIBE_TEMPLATE_IDS?: string;
  }
}
