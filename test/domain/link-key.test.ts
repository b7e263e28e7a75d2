import { linkKey } from '../../lib/domain/link-key';

describe('linkKey', () => {
  it('names an entity by its site and key', () => {
    expect(linkKey({ site: 'jira', key: 'ABC-123' })).toBe('jira:ABC-123');
  });

  it('ignores the URL, so the same ticket on any address is one entity', () => {
    const a = { site: 'github' as const, key: 'acme/app#42', url: 'https://github.com/acme/app/issues/42' };
    const b = { ...a, url: 'https://github.com/acme/app/pull/42#issuecomment-1' };
    expect(linkKey(a)).toBe(linkKey(b));
  });

  it('keeps sites apart when their keys read alike', () => {
    expect(linkKey({ site: 'jira', key: 'X-1' })).not.toBe(linkKey({ site: 'linear', key: 'X-1' }));
  });
});
