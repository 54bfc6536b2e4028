import type { UserConfigExport } from '@tarojs/cli';

const KB = 1024;

/**
 * Size budget of the H5 bundle: webpack's default (244 KB) warns on every build of an app that needs
 * React + the Taro runtime, so the warning meant nothing. These limits sit ~25% above today's sizes:
 * a warning now means something heavy (a UI kit, a chart library) slipped into the initial load.
 */
export default {
  h5: {
    webpackChain(chain) {
      chain.performance.hints('warning').maxEntrypointSize(400 * KB).maxAssetSize(280 * KB);
    },
  },
} satisfies UserConfigExport<'webpack5'>;
