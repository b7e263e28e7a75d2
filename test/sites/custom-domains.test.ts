import { describe, expect, it } from 'vitest';
import { customDomainFor, matchesOriginPattern } from '../../lib/sites/custom-domains';

describe('origin patterns of custom domains', () => {
  it.each([
    ['https://jira.example.com/*', 'https://jira.example.com/browse/ABC-1'],
    ['https://jira.example.com', 'https://jira.example.com/browse/ABC-1'],
    ['https://jira.example.com/', 'https://jira.example.com/'],
    ['*://jira.example.com/*', 'http://jira.example.com/browse/ABC-1'],
    ['https://*.example.com/*', 'https://jira.eu.example.com/browse/ABC-1'],
    ['https://*.example.com/*', 'https://example.com/browse/ABC-1'],
    ['https://git.example.com:8443/*', 'https://git.example.com:8443/a/b/pull/1'],
    ['https://tools.example.com/jira/*', 'https://tools.example.com/jira/browse/ABC-1'],
    ['HTTPS://Jira.Example.com/*', 'https://jira.example.com/browse/ABC-1'],
  ])('%s covers %s', (pattern, url) => {
    expect(matchesOriginPattern(pattern, new URL(url))).toBe(true);
  });

  it.each([
    ['https://jira.example.com/*', 'http://jira.example.com/browse/ABC-1'],
    ['https://jira.example.com/*', 'https://jira.example.com.evil.example/browse/ABC-1'],
    ['https://jira.example.com/*', 'https://evil-jira.example.com/browse/ABC-1'],
    ['https://jira.example.com/*', 'https://jira.example.com:8443/browse/ABC-1'],
    ['https://*.example.com/*', 'https://notexample.com/'],
    ['https://tools.example.com/jira/*', 'https://tools.example.com/wiki/page'],
    ['not a pattern', 'https://jira.example.com/'],
    ['', 'https://jira.example.com/'],
    ['ftp://jira.example.com/*', 'https://jira.example.com/'],
  ])('%s does not cover %s', (pattern, url) => {
    expect(matchesOriginPattern(pattern, new URL(url))).toBe(false);
  });

  it('picks the first custom domain that covers the URL', () => {
    const domains = [
      { origin: 'https://git.example.com/*', site: 'github' as const },
      { origin: 'https://*.example.com/*', site: 'jira' as const },
    ];
    expect(customDomainFor(new URL('https://git.example.com/a/b/issues/1'), domains)?.site).toBe('github');
    expect(customDomainFor(new URL('https://jira.example.com/browse/A-1'), domains)?.site).toBe('jira');
    expect(customDomainFor(new URL('https://other.test/'), domains)).toBeNull();
  });
});
