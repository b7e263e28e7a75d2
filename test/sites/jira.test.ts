// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { jira } from '../../lib/sites/jira';
import { entityLinkFromHref, entityOnPage } from '../../lib/sites/index';
import { isListPage } from '../../lib/sites/list-pages';
import { documentTitled, entityLinksIn, loadFixture } from './load-fixture';

const base = new URL('https://acme.atlassian.net/jira/your-work');

describe('Jira adapter', () => {
  describe('recognises an issue in every URL form Jira Cloud uses', () => {
    it.each([
      ['https://acme.atlassian.net/browse/ABC-123', 'ABC-123', 'https://acme.atlassian.net/browse/ABC-123'],
      [
        'https://acme.atlassian.net/browse/abc-123?focusedCommentId=10001',
        'ABC-123',
        'https://acme.atlassian.net/browse/ABC-123',
      ],
      [
        'https://acme.atlassian.net/jira/software/projects/ABC/boards/1?selectedIssue=ABC-12',
        'ABC-12',
        'https://acme.atlassian.net/browse/ABC-12',
      ],
      [
        'https://acme.atlassian.net/jira/software/c/projects/ABC/list?selectedIssue=ABC-135',
        'ABC-135',
        'https://acme.atlassian.net/browse/ABC-135',
      ],
      [
        'https://acme.atlassian.net/jira/software/c/projects/FD/boards/7/backlog?view=detail&selectedIssue=FD-9',
        'FD-9',
        'https://acme.atlassian.net/browse/FD-9',
      ],
      [
        'https://acme.atlassian.net/jira/software/c/projects/ABC/boards/39/timeline?selectedIssue=ABC-4',
        'ABC-4',
        'https://acme.atlassian.net/browse/ABC-4',
      ],
      [
        'https://acme.atlassian.net/jira/polaris/projects/PRO/ideas/view/888327?selectedIssue=PRO-240&issueViewLayout=sidebar',
        'PRO-240',
        'https://acme.atlassian.net/browse/PRO-240',
      ],
      [
        'https://acme.atlassian.net/jira/discovery/share/views/dde36490-5142-4cc3-98b1-66ccde7487cb?selectedIssue=PROD-88',
        'PROD-88',
        'https://acme.atlassian.net/browse/PROD-88',
      ],
      [
        'https://acme.atlassian.net/jira/software/c/projects/ABC/issues/ABC-77?jql=project%20%3D%20ABC',
        'ABC-77',
        'https://acme.atlassian.net/browse/ABC-77',
      ],
      ['https://acme.atlassian.net/browse/A1_B-9', 'A1_B-9', 'https://acme.atlassian.net/browse/A1_B-9'],
    ])('%s is %s', (href, key, url) => {
      expect(entityLinkFromHref(href, base)).toEqual({ site: 'jira', key, url });
    });
  });

  describe('ignores pages that are not one issue', () => {
    it.each([
      'https://acme.atlassian.net/jira/software/c/projects/ABC/boards/1',
      'https://acme.atlassian.net/issues/?jql=project%20%3D%20ABC',
      'https://acme.atlassian.net/browse/ABC',
      'https://acme.atlassian.net/browse/123-45',
      'https://acme.atlassian.net/browse/ABC-12x',
      'https://acme.atlassian.net/jira/software/projects/ABC/boards/1?selectedIssue=not-a-key-at-all',
      'https://acme.atlassian.net/wiki/spaces/ABC/pages/1?selectedIssue=ABC-1',
      'https://acme.atlassian.com/browse/ABC-1',
      'https://atlassian.net.evil.example/browse/ABC-1',
    ])('%s', (href) => {
      expect(entityLinkFromHref(href, base)).toBeNull();
    });
  });

  describe('recognises a Jira Service Management request in its queue and in the customer portal', () => {
    // Queue links as agents share them, from public code in the search index (issue 19): a Slack
    // alert template ('.../jira/servicedesk/projects/SUP/queues/custom/1/SUP-250'), an Emacs org-link
    // test ('.../jira/servicedesk/projects/SG/queues/custom/1/SG-01', titled '[SG-01] a jira title -
    // Jira Service Desk'). The portal form is the request's `_links.web` in Atlassian's REST API:
    // https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-request/
    it.each([
      ['https://acme.atlassian.net/jira/servicedesk/projects/SG/queues/custom/1/SG-01', 'SG-01'],
      ['https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/1/SUP-250?oldIssueView=true', 'SUP-250'],
      ['https://acme.atlassian.net/jira/servicedesk/projects/MCS/queues/custom/1/mcs-167', 'MCS-167'],
      ['https://acme.atlassian.net/servicedesk/customer/portal/2/IT-1', 'IT-1'],
    ])('%s is %s', (href, key) => {
      expect(entityLinkFromHref(href, base)).toEqual({
        site: 'jira',
        key,
        url: `https://acme.atlassian.net/browse/${key}`,
      });
    });

    it('on Data Center, where queues and the portal sit under the context path', () => {
      // Data Center routes, from a public Groovy route test in the search index:
      // '/projects/HELP/queues/custom/12/HELP-5', '/jira/projects/HELP/queues/custom/1/HELP-5',
      // '/jira/servicedesk/customer/portal/1/HELP-5'.
      const at = (path: string) => jira.entityFromUrl(new URL(`https://jira.example.com${path}`));
      expect(at('/projects/HELP/queues/custom/12/HELP-5')?.url).toBe('https://jira.example.com/browse/HELP-5');
      expect(at('/projects/HELP/queues/HELP-5')?.key).toBe('HELP-5');
      expect(at('/jira/projects/HELP/queues/custom/1/HELP-5')?.url).toBe('https://jira.example.com/jira/browse/HELP-5');
      expect(at('/jira/servicedesk/customer/portal/1/HELP-5')?.url).toBe('https://jira.example.com/jira/browse/HELP-5');
    });

    it.each([
      'https://acme.atlassian.net/jira/servicedesk/projects/SD/queues/custom/44',
      'https://acme.atlassian.net/jira/servicedesk/projects/TIC/section/service-requests/custom/10',
      'https://acme.atlassian.net/servicedesk/customer/portal/7',
      'https://acme.atlassian.net/servicedesk/customer/portal/15/group/37/create/153',
      'https://acme.atlassian.net/servicedesk/customer/portals',
    ])('but not a queue, a portal or a request form: %s', (href) => {
      expect(entityLinkFromHref(href, base)).toBeNull();
    });
  });

  it('keeps a Data Center context path in the canonical URL', () => {
    expect(jira.entityFromUrl(new URL('https://jira.example.com/jira/browse/OPS-5'))).toEqual({
      key: 'OPS-5',
      url: 'https://jira.example.com/jira/browse/OPS-5',
    });
    expect(jira.entityFromUrl(new URL('https://jira.example.com/tools/jira/browse/OPS-5'))?.url).toBe(
      'https://jira.example.com/tools/jira/browse/OPS-5',
    );
    expect(jira.entityFromUrl(new URL('https://jira.example.com/browse/OPS-5'))?.url).toBe(
      'https://jira.example.com/browse/OPS-5',
    );
    expect(jira.entityFromUrl(new URL('https://jira.example.com/jira/issues/OPS-5'))?.url).toBe(
      'https://jira.example.com/browse/OPS-5',
    );
  });

  it('reads the summary heading of an issue page as its title, text only and on one line', () => {
    const page = entityOnPage(new URL('https://acme.atlassian.net/browse/ABC-123'), loadFixture('jira-issue.html'));
    expect(page).toEqual({
      site: 'jira',
      key: 'ABC-123',
      url: 'https://acme.atlassian.net/browse/ABC-123',
      title: 'Checkout fails for saved cards',
      kind: 'ticket',
    });
  });

  it('falls back to the document title without the key prefix and the Jira suffix', () => {
    expect(jira.titleFrom(documentTitled('[ABC-123] Checkout fails for saved cards - Jira'), 'ABC-123')).toBe(
      'Checkout fails for saved cards',
    );
    expect(jira.titleFrom(documentTitled('[OPS-5] Rotate keys - Acme JIRA'), 'OPS-5')).toBe('Rotate keys');
    expect(jira.titleFrom(documentTitled('[SG-01] a jira title - Jira Service Desk'), 'SG-01')).toBe('a jira title');
  });

  it('reads a Data Center summary, and while it is edited inline the document title, never the Save and Cancel text', () => {
    expect(jira.titleFrom(loadFixture('jira-dc-issue-editing.html'), 'UXPL-39')).toBe('A Random JIRA Issue');
    // At rest the summary is the h1's text beside an edit icon (toggl/track-extension src/content/atlassian.js
    // reads '#summary-val' in '.issue-header-content').
    const atRest = new DOMParser().parseFromString(
      '<h1 id="summary-val" class="editable-field inactive" title="Click to edit">Rotate keys' +
        '<span class="overlay-icon aui-icon aui-icon-small aui-iconfont-edit"></span></h1>',
      'text/html',
    );
    expect(jira.titleFrom(atRest, 'OPS-5')).toBe('Rotate keys');
  });

  it('never takes another heading, nor a document title that is not the issue’s, for the title', () => {
    // A board with an issue open beside it before the heading has rendered: the page's h1 and
    // its title are the board's; the key is the honest name until the summary shows.
    const board = loadFixture('jira-board.html');
    expect(jira.titleFrom(board, 'ABC-13')).toBe('ABC-13');
  });

  it('finds exactly the issue links on a board, whatever form they take', () => {
    const links = entityLinksIn(loadFixture('jira-board.html'), jira.linkSelector, base.href);
    expect(links.map((link) => link.key)).toEqual(['ABC-12', 'ABC-13', 'OPS_2-9']);
  });

  it('narrows the anchors without missing any issue link', () => {
    const doc = loadFixture('jira-board.html');
    expect(entityLinksIn(doc, jira.linkSelector, base.href)).toEqual(entityLinksIn(doc, 'a[href]', base.href));
  });

  it('works on a self-hosted Jira once the user adds it as a custom domain', () => {
    const customDomains = [{ origin: 'https://jira.example.com/*', site: 'jira' as const }];
    const url = new URL('https://jira.example.com/secure/RapidBoard.jspa?rapidView=4&selectedIssue=OPS-77');
    expect(entityOnPage(url, documentTitled('[OPS-77] Renew certificate - Example JIRA'), customDomains)).toMatchObject(
      {
        site: 'jira',
        key: 'OPS-77',
        url: 'https://jira.example.com/browse/OPS-77',
        title: 'Renew certificate',
      },
    );
    expect(entityOnPage(url, documentTitled('x'))).toBeNull();
  });

  describe('badges every tracked issue up front only on its lists and boards', () => {
    const listed = (path: string) => isListPage(jira, new URL(`https://acme.atlassian.net${path}`));
    // Board and list forms from bitcrowd/tickety-tick src/core/adapters/jira-cloud.test.ts and the issue
    // URLs above; a JSM queue ('.../queues/custom/44', pranayharishchandra/jira-automation API.md).
    it.each([
      '/jira/software/projects/TT/boards/8',
      '/jira/software/c/projects/TT/boards/7/backlog',
      '/jira/software/c/projects/ABC/boards/39/timeline',
      '/jira/software/c/projects/ABC/list',
      '/jira/software/c/projects/ABC/issues',
      '/jira/core/projects/OPS/board',
      '/jira/servicedesk/projects/SD/queues/custom/44',
      '/jira/polaris/projects/PRO/ideas/view/888327',
      '/jira/discovery/share/views/dde36490-5142-4cc3-98b1-66ccde7487cb',
      '/jira/plans/1/scenarios/1/timeline',
      '/issues/',
      '/jira/your-work',
      '/secure/RapidBoard.jspa',
      '/projects/TT/issues',
    ])('%s is a list', (path) => {
      expect(listed(path)).toBe(true);
    });

    it.each([
      '/jira/settings/apps',
      '/secure/admin/ViewApplicationProperties.jspa',
      '/plugins/servlet/ac/com.example/admin',
      '/jira/software/projects/TT/settings/details',
      '/jira/servicedesk/projects/SD/customers',
      '/jira/dashboards/10001',
      '/wiki/spaces/ABC/overview',
      '/wiki/spaces/ABC/pages/1/issues',
      '/servicedesk/customer/portal/7',
      '/',
    ])('%s is not', (path) => {
      expect(listed(path)).toBe(false);
    });
  });
});
