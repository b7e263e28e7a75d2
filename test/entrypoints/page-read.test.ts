// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readPage, readStillHolds } from '../../entrypoints/overlay/page-read';
import { adapterForUrl } from '../../lib/sites';
import { documentTitled } from '../sites/load-fixture';

const TICKET = 'https://acme.atlassian.net/browse/ABC-12';
const SELF_HOSTED = 'https://jira.example.com/browse/ABC-12';
const SELF_HOSTED_JIRA = [{ origin: 'https://jira.example.com/*', site: 'jira' as const }];

describe('what the overlay reads of the page before the early answer comes', () => {
  it('is the ticket a supported site shows, with the title the page gives it', () => {
    const read = readPage(new URL(TICKET), documentTitled('[ABC-12] Invite a colleague - Jira'), []);
    expect(read.adapter?.site).toBe('jira');
    expect(read.entity).toMatchObject({ site: 'jira', key: 'ABC-12', title: 'Invite a colleague' });
  });

  it('is the page itself on any other site: no adapter, linkable by hand from the toolbar', () => {
    const read = readPage(new URL('https://blog.example.com/post/'), documentTitled('A post'), []);
    expect(read.adapter).toBeNull();
    expect(read.entity).toMatchObject({ site: 'web', key: 'https://blog.example.com/post', title: 'A post' });
  });

  it('names no ticket on a self-hosted instance until the custom domains are known', () => {
    expect(readPage(new URL(SELF_HOSTED), documentTitled('[ABC-12] Invite a colleague - Jira'), []).entity?.site).toBe('web');
    expect(readPage(new URL(SELF_HOSTED), documentTitled('[ABC-12] Invite a colleague - Jira'), SELF_HOSTED_JIRA).entity).toMatchObject({ site: 'jira', key: 'ABC-12' });
  });
});

describe('whether that first read still holds once the settings came', () => {
  const doc = documentTitled('[ABC-12] Invite a colleague - Jira');

  it('holds on a supported site, whatever custom domains the user keeps elsewhere', () => {
    const read = readPage(new URL(TICKET), doc, []);
    expect(readStillHolds(read, TICKET, adapterForUrl(new URL(TICKET), SELF_HOSTED_JIRA))).toBe(true);
  });

  it('does not hold where a custom domain makes the page a site of its own', () => {
    const read = readPage(new URL(SELF_HOSTED), doc, []);
    expect(readStillHolds(read, SELF_HOSTED, adapterForUrl(new URL(SELF_HOSTED), SELF_HOSTED_JIRA))).toBe(false);
  });

  it('does not hold once the page has moved to another address', () => {
    const read = readPage(new URL(TICKET), doc, []);
    expect(readStillHolds(read, 'https://acme.atlassian.net/browse/ABC-13', read.adapter)).toBe(false);
  });
});
