import { describe, expect, it } from 'vitest';
import { originPatternFrom, scriptIdFor } from '../lib/custom-domains';

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

  it('names one registered script per domain, the same each time', () => {
    expect(scriptIdFor('https://jira.acme.example/*')).toBe('nsl-custom-jira.acme.example');
    expect(scriptIdFor('https://git.acme.example:8443/*')).toBe('nsl-custom-git.acme.example_8443');
    expect(scriptIdFor('https://jira.acme.example/*')).not.toBe(scriptIdFor('https://jira2.acme.example/*'));
  });
});
