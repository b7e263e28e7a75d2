import { describe, expect, it } from 'vitest';
import { entity, fragmentRoute, pathSegments, safeDecode } from '../../lib/sites/url-parts';

describe('URL helpers', () => {
  it('split a path into its non-empty segments', () => {
    expect(pathSegments(new URL('https://x.test//a/b/'))).toEqual(['a', 'b']);
  });

  it('decode escapes and answer null instead of throwing on malformed ones', () => {
    expect(safeDecode('ABC%2D1')).toBe('ABC-1');
    expect(safeDecode('%E0%A4%A')).toBeNull();
    expect(safeDecode('ABC-1')).toBe('ABC-1');
    expect(safeDecode('%')).toBeNull();
    expect(safeDecode('100%25')).toBe('100%');
  });

  it("read a hash-routed app's route and its own query from the fragment", () => {
    const route = fragmentRoute(new URL('https://x.test/web/#/p1/reports/explorer?params=a%26b&r=top-events'));
    expect(route.path).toEqual(['p1', 'reports', 'explorer']);
    expect(route.query.get('r')).toBe('top-events');
    expect(route.query.get('params')).toBe('a&b');
    expect(fragmentRoute(new URL('https://x.test/')).path).toEqual([]);
  });

  it('refuse entities whose key or URL the data model could not store', () => {
    expect(entity('K-1', 'https://x.test/K-1')).toEqual({ key: 'K-1', url: 'https://x.test/K-1' });
    expect(entity('', 'https://x.test/')).toBeNull();
    expect(entity('k'.repeat(501), 'https://x.test/')).toBeNull();
    expect(entity('k', `https://x.test/${'u'.repeat(4100)}`)).toBeNull();
  });
});
