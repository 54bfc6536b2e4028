import type { UserConfigExport } from '@tarojs/cli';

/** `taro build --type h5 --watch`: the dev server proxies /api so the app stays same-origin as in production. */
export default {
  logger: { quiet: false, stats: true },
  h5: {
    devServer: {
      proxy: [{ context: ['/api'], target: process.env.API_PROXY_TARGET ?? 'http://localhost:3000' }],
    },
  },
} satisfies UserConfigExport<'webpack5'>;
