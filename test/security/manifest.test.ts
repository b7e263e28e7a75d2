import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { SUPPORTED_MATCH_PATTERNS } from '../../lib/sites';

type Manifest = Record<string, unknown>;

async function manifestFor(browser: 'chrome' | 'firefox'): Promise<Manifest> {
  const manifest = config.manifest;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts builds the manifest per browser');
  return (await manifest({
    browser,
    manifestVersion: browser === 'chrome' ? 3 : 2,
    mode: 'production',
    command: 'build',
  })) as Manifest;
}

describe('the permissions the extension asks for', () => {
  it.each(['chrome', 'firefox'] as const)(
    'on %s: only activeTab, scripting and alarms (pulling shared trees every 5 minutes) up front, no tab, storage or network permission',
    async (browser) => {
      const manifest = await manifestFor(browser);
      expect(manifest.permissions).toEqual(['activeTab', 'scripting', 'alarms']);
      expect(manifest).not.toHaveProperty('web_accessible_resources');
      expect(manifest).not.toHaveProperty('externally_connectable');
      expect(manifest).not.toHaveProperty('content_security_policy');
    },
  );

  it.each(['chrome', 'firefox'] as const)(
    'on %s: host access to exactly the sites its content script runs on, for loading the open panel there, and no other',
    async (browser) => {
      const manifest = await manifestFor(browser);
      expect(manifest.host_permissions).toEqual(SUPPORTED_MATCH_PATTERNS);
      expect(manifest.host_permissions).not.toContain('<all_urls>');
      expect(manifest.host_permissions).not.toContain('https://*/*');
    },
  );

  it('asks the background for the page at document_start, and shows the overlay once the page has parsed, on the supported sites only', async () => {
    const manifest = { content_scripts: [] as { matches: string[]; run_at: string; js: string[] }[] };
    const hooks = config.hooks as { 'build:manifestGenerated': (wxt: never, manifest: never) => void };
    hooks['build:manifestGenerated'](undefined as never, manifest as never);
    expect(manifest.content_scripts).toEqual([
      { matches: SUPPORTED_MATCH_PATTERNS, run_at: 'document_start', js: ['early-request.js'] },
      { matches: SUPPORTED_MATCH_PATTERNS, run_at: 'document_idle', js: ['overlay.js'] },
    ]);
  });

  it("asks for a self-hosted instance's or a shared tree's host only when the user adds one, on both browsers", async () => {
    // Loopback HTTP only, for a WebDAV server on this machine: any other shared file must be https.
    const optional = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];
    expect((await manifestFor('chrome')).optional_host_permissions).toEqual(optional);
    expect((await manifestFor('firefox')).optional_permissions).toEqual(optional);
  });

  it('runs its content script only on the supported sites, over https', () => {
    expect(SUPPORTED_MATCH_PATTERNS.length).toBeGreaterThan(0);
    for (const pattern of SUPPORTED_MATCH_PATTERNS) {
      expect(pattern).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\.[a-z]+\/\*$/);
    }
  });

  it('tells Firefox it collects no data, for versions that understand that key', async () => {
    const gecko = (await manifestFor('firefox')).browser_specific_settings as {
      gecko: Record<string, unknown>;
      gecko_android: Record<string, unknown>;
    };
    expect(gecko.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(Number.parseFloat(String(gecko.gecko.strict_min_version))).toBeGreaterThanOrEqual(140);
    expect(Number.parseFloat(String(gecko.gecko_android.strict_min_version))).toBeGreaterThanOrEqual(142);
  });
});
