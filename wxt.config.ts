import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { SUPPORTED_MATCH_PATTERNS } from './lib/sites';
import { SHARED_GLOBAL, SHARED_MODULES } from './entrypoints/overlay/shared-modules';

const EXPANDED_PANEL = 'expanded-panel';
const EARLY_REQUEST = 'early-request';
const OVERLAY = 'overlay';
const PIN_CAPTURE = 'pin-capture';

/**
 * The open panel's bundle takes the modules of SHARED_MODULES from the content script
 * already on the page (one copy of the state, of the signals), as externals read from the
 * isolated world's shared global: `import { entity } from '../lib/state/page/page'` becomes a
 * read of `globalThis.__northStarLens.modules.page.entity`.
 */
function shareWithContentScript(): Plugin {
  const byId = new Map<string, string>();
  return {
    name: 'north-star-lens:share-with-content-script',
    enforce: 'pre',
    async buildStart() {
      for (const [name, source] of Object.entries(SHARED_MODULES)) {
        const resolved = source.startsWith('./')
          ? resolve(__dirname, source)
          : (await this.resolve(source, resolve(__dirname, 'package.json')))?.id;
        if (!resolved) throw new Error(`cannot resolve shared module ${source}`);
        byId.set(resolved, name);
      }
    },
    async resolveId(source, importer, options) {
      if (!importer) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const name = resolved && byId.get(resolved.id.split('?')[0]!);
      return name ? { id: `${SHARED_GLOBAL}:${name}`, external: true } : null;
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // The content scripts are unlisted scripts listed here by hand: as WXT content scripts they
    // would carry WXT's content-script runtime (several times the early request's own size)
    // on every page load. The early request goes ahead at document_start; the overlay, which
    // shows the pill and badges, waits until the page has parsed.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts ??= [];
      manifest.content_scripts.push(
        { matches: SUPPORTED_MATCH_PATTERNS, run_at: 'document_start', js: [`${EARLY_REQUEST}.js`] },
        { matches: SUPPORTED_MATCH_PATTERNS, run_at: 'document_idle', js: [`${OVERLAY}.js`] },
      );
    },
    // The content script runs in every host page, so it carries no polyfill: it uses the
    // browser's own promise-based namespace (what `wxt/browser` is without the polyfill
    // module), as Chromium and Firefox both provide. Extension pages keep the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      const inPage = (type: string, name: string) =>
        type === 'content-script' || [EXPANDED_PANEL, EARLY_REQUEST, OVERLAY, PIN_CAPTURE].includes(name);
      if (!entrypoints.every((entrypoint) => inPage(entrypoint.type, entrypoint.name))) return;
      if (entrypoints.some((entrypoint) => entrypoint.name === EXPANDED_PANEL)) {
        config.plugins = [shareWithContentScript(), ...(config.plugins ?? [])];
        const output = config.build?.rollupOptions?.output;
        if (output && !Array.isArray(output)) {
          output.globals = (id: string) => `globalThis.${SHARED_GLOBAL}.modules.${id.slice(SHARED_GLOBAL.length + 1)}`;
        }
      }
      // What host pages load is minified harder than esbuild does: about 4% less gzip, and
      // as much less for every page load to compile. The bundle's wrapper stays in
      // parentheses: V8 compiles such a function at once, where `var x = function(){}()`
      // has its whole body pre-parsed, then parsed again when it runs (about 2 ms of each
      // page load on the bench machine).
      if (config.build?.minify !== false) {
        config.build = {
          ...config.build,
          minify: 'terser',
          terserOptions: { ecma: 2020, compress: { passes: 2 }, format: { wrap_iife: true } },
        };
      }
      const native = { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' };
      const alias = config.resolve?.alias;
      config.resolve = {
        ...config.resolve,
        alias: Array.isArray(alias)
          ? [native, ...alias]
          : [native, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }))],
      };
    },
  },
  vite: () => ({
    // Prefresh and the devtools bridge inject code meant for a normal page; in a
    // content script they would run inside every host page, so they stay off.
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
  }),
  // The version is package.json's; the icons are public/icon/<size>.png, which WXT lists
  // as `icons` by itself (scripts/icons.mjs renders them from design/icon/). The toolbar
  // button gets the sizes drawn for it: 1x, 1.5x and 2x of its 16 px.
  manifest: ({ browser }) => ({
    name: 'North Star Lens',
    description: 'Your North Star Metric beside every ticket, roadmap item and chart.',
    // alarms: pulling shared trees every 5 minutes, only while a tree is shared (docs/permissions.md).
    permissions: ['activeTab', 'scripting', 'alarms'],
    // The sites the content scripts already run on, no others: what lets the background
    // add the open panel's code to such a page when the user opens it. Browsers show the
    // same site-access warning for these as for the content scripts' matches.
    host_permissions: SUPPORTED_MATCH_PATTERNS,
    // Self-hosted sites and a shared tree's server, each asked for when the user adds it;
    // loopback HTTP for a WebDAV server on this machine (docs/sharing.md).
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
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
          optional_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
          browser_action: { default_icon: { 16: 'icon/16.png', 24: 'icon/24.png', 32: 'icon/32.png' } },
          browser_specific_settings: {
            gecko: {
              // The add-on's identity for good: Firefox keys the workspace's IndexedDB and
              // updates by it, so it never changes (docs/release.md says why this form).
              id: 'north-star-lens@northstarlens.app',
              // The first versions that read data_collection_permissions; every API the code
              // calls came earlier (scripting in Manifest V2 with Firefox 102).
              strict_min_version: '140.0',
              // Nothing is collected: the workspace stays in the browser unless exported.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          action: { default_icon: { 16: 'icon/16.png', 24: 'icon/24.png', 32: 'icon/32.png' } },
          // scripting.executeScript's injectImmediately (the open panel, injected on the click
          // that opens it) came in Chrome 102, the newest API the code calls: see docs/release.md.
          minimum_chrome_version: '102',
        }),
  }),
});
