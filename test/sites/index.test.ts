// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SITE_IDS } from '../../lib/domain/types';
import {
  entityLinkHere,
  ADAPTERS,
  SUPPORTED_MATCH_PATTERNS,
  adapterForSite,
  adapterForUrl,
  entityAtUrl,
  entityLinkFromHref,
  entityOnPage,
} from '../../lib/sites/index';
import { documentTitled } from './load-fixture';
import { jira } from '../../lib/sites/jira';

describe('the site registry', () => {
  it('has one adapter for every site except hand-linked web pages', () => {
    expect(ADAPTERS.map((adapter) => adapter.site).sort()).toEqual(SITE_IDS.filter((site) => site !== 'web').sort());
    expect(adapterForSite('web')).toBeNull();
  });

  it('labels trackers as tickets and analytics tools as analytics', () => {
    const kinds = Object.fromEntries(ADAPTERS.map((adapter) => [adapter.site, adapter.kind]));
    expect(kinds).toEqual({
      jira: 'ticket',
      linear: 'ticket',
      github: 'ticket',
      asana: 'ticket',
      trello: 'ticket',
      aha: 'ticket',
      productboard: 'ticket',
      amplitude: 'analytics',
      mixpanel: 'analytics',
      posthog: 'analytics',
      ga: 'analytics',
    });
  });

  it('lists every adapter match pattern once, in manifest form, for the host permissions', () => {
    expect(SUPPORTED_MATCH_PATTERNS).toContain('https://*.atlassian.net/*');
    expect(SUPPORTED_MATCH_PATTERNS).toContain('https://app.eu.amplitude.com/*');
    expect(SUPPORTED_MATCH_PATTERNS).toContain('https://analytics.google.com/*');
    expect(new Set(SUPPORTED_MATCH_PATTERNS).size).toBe(SUPPORTED_MATCH_PATTERNS.length);
    for (const pattern of SUPPORTED_MATCH_PATTERNS) expect(pattern).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
  });

  it("gives every match pattern's own host to the adapter that declared it", () => {
    for (const adapter of ADAPTERS) {
      for (const pattern of adapter.matches) {
        const host = pattern.replace('https://', '').replace('/*', '').replace('*.', 'acme.');
        expect(adapterForUrl(new URL(`https://${host}/`))?.site).toBe(adapter.site);
      }
    }
  });

  it('knows no adapter for unrelated sites or for pages that are not on the web', () => {
    expect(adapterForUrl(new URL('https://example.com/browse/ABC-1'))).toBeNull();
    expect(adapterForUrl(new URL('chrome://extensions/'))).toBeNull();
    expect(adapterForUrl(new URL('file:///home/me/github.com/a/b/issues/1'))).toBeNull();
  });
});

describe('custom domains', () => {
  const jiraAtWork = [{ origin: 'https://jira.example.com/*', site: 'jira' as const }];

  it('make a self-hosted host use the chosen adapter with its path rules unchanged', () => {
    const url = new URL('https://jira.example.com/browse/ops-12');
    expect(adapterForUrl(url, jiraAtWork)?.site).toBe('jira');
    expect(entityOnPage(url, documentTitled('[OPS-12] Rotate keys - Example JIRA'), jiraAtWork)).toEqual({
      site: 'jira',
      key: 'OPS-12',
      url: 'https://jira.example.com/browse/OPS-12',
      title: 'Rotate keys',
      kind: 'ticket',
    });
  });

  it('apply only to the host they name', () => {
    expect(adapterForUrl(new URL('https://jira.example.com/browse/OPS-12'))).toBeNull();
    expect(adapterForUrl(new URL('https://wiki.example.com/browse/OPS-12'), jiraAtWork)).toBeNull();
    expect(adapterForUrl(new URL('http://jira.example.com/browse/OPS-12'), jiraAtWork)).toBeNull();
    expect(adapterForUrl(new URL('https://jira.example.com:8443/browse/OPS-12'), jiraAtWork)).toBeNull();
  });

  it('let badges on a built-in site recognise links to the self-hosted one', () => {
    const fromGithub = entityLinkFromHref(
      'https://jira.example.com/browse/OPS-12',
      new URL('https://github.com/a/b/pull/1'),
      jiraAtWork,
    );
    expect(fromGithub).toEqual({ site: 'jira', key: 'OPS-12', url: 'https://jira.example.com/browse/OPS-12' });
  });

  it('resolve relative links against a self-hosted page', () => {
    const base = new URL('https://jira.example.com/secure/RapidBoard.jspa?rapidView=4');
    expect(entityLinkFromHref('/browse/OPS-3', base, jiraAtWork)?.key).toBe('OPS-3');
    expect(entityLinkFromHref('/browse/OPS-3', base)).toBeNull();
  });

  it('resolve links against a base given as text exactly as against a URL', () => {
    const base = 'https://acme.atlassian.net/jira/software/projects/ABC/boards/1?selectedIssue=ABC-9';
    for (const href of [
      '/browse/ABC-1',
      'browse/ABC-2',
      '../../../../browse/ABC-3',
      '?selectedIssue=ABC-4',
      '#/x',
      '//acme.atlassian.net/browse/ABC-5',
      'https://github.com/a/b/issues/6',
      'javascript:alert(1)',
      'http://[bad',
    ]) {
      expect(entityLinkFromHref(href, base)).toEqual(entityLinkFromHref(href, new URL(base)));
    }
    expect(entityLinkFromHref('/browse/ABC-1', base)?.key).toBe('ABC-1');
    expect(entityLinkFromHref('?selectedIssue=ABC-4', base)?.key).toBe('ABC-4');
  });

  it('that say "web" give the page no adapter', () => {
    expect(
      adapterForUrl(new URL('https://github.com/a/b/issues/1'), [{ origin: 'https://github.com/*', site: 'web' }]),
    ).toBeNull();
  });
});

describe('odd addresses never make an adapter throw', () => {
  const long = `https://github.com/a/b/issues/1?${'x'.repeat(10_000)}`;
  const oddUrls = [
    long,
    `https://acme.atlassian.net/browse/${'A'.repeat(5_000)}-1`,
    'https://acme.atlassian.net/browse/%E0%A4%A',
    'https://acme.atlassian.net/browse/ÄBC-1',
    'https://linear.app/ワークスペース/issue/ENG-1',
    'https://app.asana.com/1/',
    'https://trello.com/c',
    'https://acme.aha.io/ideas/ideas/%',
    'https://acme.productboard.com/features',
    'https://app.amplitude.com/analytics',
    'https://mixpanel.com/project/1/view/app/boards#id=%',
    'https://us.posthog.com/project//insights/',
    'https://analytics.google.com/analytics/web/#',
    'https://analytics.google.com/analytics/web/#/p1/reports/explorer?r=%E0%A4%A',
    'https://github.com/orgs/a/projects/1?issue=%7C%7C%7C',
    'https://github.com/😀/😀/issues/1',
    'https://xn--80ak6aa92e.com/browse/ABC-1',
  ];

  it.each(oddUrls.map((url) => [url.slice(0, 80), url]))('%s', (_label, href) => {
    const url = new URL(href);
    for (const adapter of ADAPTERS) {
      expect(() => adapter.entityFromUrl(url)).not.toThrow();
      expect(() => adapter.titleFrom(documentTitled(''), 'KEY-1')).not.toThrow();
    }
    expect(() => entityOnPage(url, documentTitled('t'))).not.toThrow();
  });

  it('keeps keys and URLs within what the data model stores', () => {
    expect(entityLinkFromHref(long, new URL('https://github.com/'))).toBeNull();
    expect(
      entityLinkFromHref(`https://acme.atlassian.net/browse/${'A'.repeat(5_000)}-1`, new URL('https://github.com/')),
    ).toBeNull();
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:void(0)',
    'mailto:someone@example.com',
    'data:text/html,<a href="https://github.com/a/b/issues/1">x</a>',
    'ftp://github.com/a/b/issues/1',
    '',
    '#',
    '#comments',
    'http://[::1',
    '%%%',
    'about:blank',
  ])('ignores the href %j', (href) => {
    expect(() => entityLinkFromHref(href, new URL('https://github.com/a/b/issues/1'))).not.toThrow();
    expect(entityLinkFromHref(href, new URL('https://github.com/a/b/issues/1'))).toBeNull();
  });

  it('follows protocol-relative and plain http links', () => {
    const base = new URL('https://github.com/a/b/issues');
    expect(entityLinkFromHref('//github.com/a/b/issues/7', base)?.key).toBe('a/b#7');
    expect(entityLinkFromHref('http://github.com/a/b/issues/7', base)?.key).toBe('a/b#7');
  });
});

describe('entityOnPage', () => {
  it('is null on a supported site when the page is not an entity', () => {
    expect(entityOnPage(new URL('https://github.com/a/b/issues'), documentTitled('Issues'))).toBeNull();
  });

  it('uses the key as the title when the page offers nothing better', () => {
    expect(entityOnPage(new URL('https://trello.com/c/AbCd1234'), documentTitled(''))?.title).toBe('AbCd1234');
  });
});

describe('entityAtUrl (what the pill needs before the page is read)', () => {
  it('names the entity entityOnPage names, with no title yet', () => {
    const url = new URL('https://acme.atlassian.net/browse/abc-12?focusedCommentId=3');
    const onPage = entityOnPage(url, documentTitled('[ABC-12] Invite from the empty state - Jira'));
    expect(onPage?.title).toBe('Invite from the empty state');
    expect(entityAtUrl(url)).toEqual({ ...onPage, title: '' });
  });

  it("follows a custom domain's site, and is null where the URL names no entity", () => {
    const jiraAtWork = [{ origin: 'https://jira.example.com/*', site: 'jira' as const }];
    expect(entityAtUrl(new URL('https://jira.example.com/browse/OPS-12'), jiraAtWork)?.key).toBe('OPS-12');
    expect(entityAtUrl(new URL('https://jira.example.com/browse/OPS-12'))).toBeNull();
    expect(entityAtUrl(new URL('https://github.com/a/b/issues'))).toBeNull();
  });
});

describe('entityLinkHere (a board working out its own links)', () => {
  const origin = 'https://acme.atlassian.net';
  it('names the ticket a link to the page’s own origin points at', () => {
    expect(entityLinkHere(jira, `${origin}/browse/ABC-12`, origin)).toEqual({ site: 'jira', key: 'ABC-12' });
  });

  it('names nothing for another origin, a page that is no ticket, or a malformed href', () => {
    expect(entityLinkHere(jira, 'https://other.atlassian.net/browse/ABC-12', origin)).toBeNull();
    expect(entityLinkHere(jira, `${origin}/jira/your-work`, origin)).toBeNull();
    expect(entityLinkHere(jira, 'https://[bad/browse/ABC-1', origin)).toBeNull();
  });
});
