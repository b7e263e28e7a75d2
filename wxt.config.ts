import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // The content script runs in every host page, so it carries no polyfill: it uses the
    // browser's own promise-based namespace (what `wxt/browser` is without the polyfill
    // module), as Chromium and Firefox both provide. Extension pages keep the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const native = { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' };
      const alias = config.resolve?.alias;
      config.resolve = {
        ...config.resolve,
        alias: Array.isArray(alias) ? [native, ...alias] : [native, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }))],
      };
    },
  },
  vite: () => ({
    // Prefresh and the devtools bridge inject code meant for a normal page; in a
    // content script they would run inside every host page, so they stay off.
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
  }),
  manifest: ({ browser }) => ({
    name: 'North Star Lens',
    description: 'Your North Star Metric beside every ticket, roadmap item and chart.',
    permissions: ['activeTab', 'scripting'],
    optional_host_permissions: ['https://*/*'],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Open or close the North Star panel on this page',
      },
    },
    ...(browser === 'firefox'
      ? {
          // Manifest V2 has no optional_host_permissions (WXT drops it): self-hosted
          // instances ask for their host through optional_permissions instead.
          optional_permissions: ['https://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'north-star-lens@example.org',
              // The first versions that read data_collection_permissions.
              strict_min_version: '140.0',
              // Nothing is collected: the workspace stays in the browser unless exported.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
