import { describe, expect, it } from 'vitest';
import { customDomainFor, matchesOriginPattern, originPatternFrom } from '../../lib/sites/origin-patterns';

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

describe('a custom domain as the user types it', () => {
  it.each([
    ['jira.acme.example', 'https://jira.acme.example/*'],
    ['https://jira.acme.example', 'https://jira.acme.example/*'],
    ['https://git.acme.example:8443/org/repo/issues/4', 'https://git.acme.example:8443/*'],
    ['  JIRA.Acme.Example/browse/X-1 ', 'https://jira.acme.example/*'],
  ])('reads %j as the origin pattern %s', (typed, pattern) => {
    expect(originPatternFrom(typed)).toEqual({ ok: true, pattern });
  });

  it.each([
    ['', /Type the address/],
    ['http://jira.acme.example', /Only https/],
    ['ftp://files.acme.example', /Only https/],
    ['intranet', /not a full host name/],
    ['https://user:secret@jira.acme.example', /user name and password/],
    ['https://exa mple.com', /not a web address/],
  ])('refuses %j, saying why', (typed, reason) => {
    const parsed = originPatternFrom(typed);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(reason);
  });
});
