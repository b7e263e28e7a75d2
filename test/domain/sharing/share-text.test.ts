import { describe, expect, it } from 'vitest';
import type { ShareStatus } from '../../../lib/domain/sharing/share-record';
import { markText, shareStatusText, sinceText } from '../../../lib/domain/sharing/share-text';

const NOW = Date.UTC(2026, 11, 7, 12, 0);

function status(fields: Partial<ShareStatus>): ShareStatus {
  return {
    treeId: 't1',
    address: 'https://cloud.example.com/dav/acme.json',
    origin: 'https://cloud.example.com',
    mode: 'editor',
    credentialsKind: 'password',
    displayName: 'Ana',
    pending: false,
    syncedAt: NOW - 3 * 60_000,
    problem: null,
    people: 2,
    ...fields,
  };
}

describe('what the tree header says about a share', () => {
  it('says when it last synced', () => {
    expect(shareStatusText(status({}), NOW)).toEqual({ text: 'Shared · synced 3 min ago', problem: false });
    expect(shareStatusText(status({ mode: 'reader', syncedAt: null }), NOW).text).toBe(
      'Shared, read only · not synced yet',
    );
  });

  it('says what is wrong and which copy is shown', () => {
    const refused = status({
      problem: { code: 'credentials', message: 'the server refused the user name or password', at: NOW },
    });
    expect(shareStatusText(refused, NOW)).toMatchObject({ problem: true });
    expect(shareStatusText(refused, NOW).text).toMatch(
      /^Shared · the server refused the user name or password, showing the copy from \d\d:\d\d$/,
    );
    const offline = status({ problem: { code: 'offline', message: 'could not reach …', at: NOW } });
    expect(shareStatusText(offline, NOW).text).toMatch(/^Shared · offline, showing the copy from \d\d:\d\d$/);
  });

  it('says who tagged an item and when; a time ahead of this clock is "just now"', () => {
    expect(markText('tagged', { by: 'Ana', at: NOW - 3 * 60_000 }, NOW)).toBe('tagged by Ana · 3 min ago');
    expect(sinceText(NOW + 3_600_000, NOW)).toBe('just now');
    expect(sinceText(NOW - 26 * 3_600_000, NOW)).toBe('1 day ago');
  });
});
