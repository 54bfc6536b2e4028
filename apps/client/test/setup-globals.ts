// The build-time define constants (config/index.ts defineConstants), fixed for tests.
Object.assign(globalThis, { API_BASE: 'https://api.test', APP_VERSION: '0.0.0-test', SUBSCRIBE_TEMPLATE_IDS: [] });
