/**
 * Which pages of a site are lists and boards: where many entity links show at once, so the
 * page holds every tracked entity's badge up front (`badges.index`). The background decides
 * (lib/background/badges.ts answers `badges.index` only for such a page): these patterns
 * stay out of the content script, which every page of the supported sites loads.
 *
 * Every tracker names its list pages (test/sites/list-pages.test.ts): taking every page that
 * names no ticket for one loaded all badges on settings, admin and help pages. An analytics
 * tool names none: each of its pages that names no chart is a dashboard or a list of charts.
 */
import type { SiteId } from '../domain/types';
import type { SiteAdapter } from './types';
import { LIST_PAGES as aha } from './aha';
import { LIST_PAGES as asana } from './asana';
import { LIST_PAGES as github } from './github';
import { LIST_PAGES as jira } from './jira';
import { LIST_PAGES as linear } from './linear';
import { LIST_PAGES as productboard } from './productboard';
import { LIST_PAGES as trello } from './trello';

export const LIST_PAGES: Partial<Record<SiteId, RegExp>> = { aha, asana, github, jira, linear, productboard, trello };

/** Whether a page of `adapter`'s site is a list or board: it names no entity, and is one of the site's list pages. */
export function isListPage(adapter: SiteAdapter, url: URL): boolean {
  return adapter.entityFromUrl(url) === null && (LIST_PAGES[adapter.site]?.test(url.pathname) ?? true);
}
