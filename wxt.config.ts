import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
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
          browser_specific_settings: {
            gecko: {
              id: 'north-star-lens@example.org',
              strict_min_version: '115.0',
              // Nothing is collected: the workspace stays in the browser unless exported.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
