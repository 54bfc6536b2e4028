import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { resolveApiBase } from './api-base';
import devConfig from './dev';
import prodConfig from './prod';

const appRoot = path.resolve(__dirname, '..');
const workspaceRoot = path.resolve(appRoot, '../..');
const contractsSource = path.join(workspaceRoot, 'libs/contracts/src');
const geoSource = path.join(workspaceRoot, 'libs/geo/src');
const rulesSource = path.join(workspaceRoot, 'libs/rules/src');
const packageJson = JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version: string };

/** Taro reports a throwing config as "config not found"; print the real reason and stop instead. */
function apiBaseOrExit(): string {
  try {
    return resolveApiBase(process.env);
  } catch (error) {
    console.error(`\n✖ ${(error as Error).message}\n`);
    process.exit(1);
  }
}

export default defineConfig<'webpack5'>((merge) => {
  const platform = process.env.TARO_ENV ?? 'h5';
  const apiBase = apiBaseOrExit();
  const subscribeTemplateIds = (process.env.SUBSCRIBE_TEMPLATE_IDS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'suishoupai',
    // Styles are written in CSS pixels of a 375-wide phone; weapp turns them into rpx, H5 into rem.
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: platform === 'weapp' ? 'dist/weapp' : 'dist/h5',
    defineConstants: {
      API_BASE: JSON.stringify(apiBase),
      APP_VERSION: JSON.stringify(packageJson.version),
      SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(subscribeTemplateIds),
    },
    // Workspace libs are compiled from source (Taro only transpiles src/ unless told), so the client
    // never waits for a lib build.
    alias: {
      '@': path.join(appRoot, 'src'),
      '@ssp/contracts': contractsSource,
      '@ssp/geo': geoSource,
      '@ssp/rules': rulesSource,
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      enable: true,
      // One cache per platform and mode, and per API_BASE so a cached module never carries another
      // deployment's URL.
      name: `${process.env.NODE_ENV ?? 'production'}-${platform}-${createHash('sha1').update(`${apiBase}|${subscribeTemplateIds.join(',')}`).digest('hex').slice(0, 8)}`,
    },
    mini: {
      compile: { include: [contractsSource, geoSource, rulesSource] },
      // Images as files, never inlined: a map marker's iconPath must be a package path, not a data: URL.
      imageUrlLoaderOption: { limit: true },
      // Page styles are scoped by class names, so their order across shared chunks does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // Taro splits only initial chunks, so every page chunk carried its own copy of the request layer
      // and Taro's components (~75 KB each); shared async chunks keep each page a few KB.
      webpackChain(chain) {
        chain.optimization.merge({ splitChunks: { chunks: 'all', minSize: 20000 } });
      },
      compile: { include: [contractsSource, geoSource, rulesSource] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
