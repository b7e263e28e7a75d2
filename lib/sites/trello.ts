import type { SiteAdapter } from './types';
import { entity, pathSegments } from './url-parts';
import { pickTitle, stripAll } from './text';

/** A card's shortLink: eight letters or digits, case-sensitive. */
const SHORT_LINK = /^[A-Za-z0-9]{8}$/;

/** https://trello.com/c/<shortLink>/<n>-<slug>; boards (/b/) are not entities. */
function entityFromUrl(url: URL) {
  const [marker, shortLink] = pathSegments(url);
  if (marker !== 'c' || !shortLink || !SHORT_LINK.test(shortLink)) return null;
  return entity(shortLink, `${url.origin}/c/${shortLink}`);
}

/**
 * The card back's name in each structure Trello has had (toggl/track-extension src/content/trello.js
 * over its history): the title textarea of late 2025, h2#card-back-name of 2024-2025, the classic
 * window's h2. Not the dialog [data-testid="card-back-name"]: that holds the whole card back.
 */
const TITLE_SELECTORS = ['[data-testid="card-back-title-input"]', '#card-back-name', '.window-title h2'];

/**
 * A board in any of its views (/b/<shortLink>/<slug>[/calendar|/table|...]) and a workspace's
 * cross-board views (/w/<workspace>/views/table). Not /u/ profiles and settings, workspace home and
 * members pages, templates or the marketing pages on the same host.
 */
export const LIST_PAGES = /^\/(?:b\/[A-Za-z0-9]{8}(?:\/|$)|w\/[^/]+\/views(?:\/|$))/;

export const trello: SiteAdapter = {
  site: 'trello',
  kind: 'ticket',
  matches: ['https://trello.com/*'],
  hosts: /^trello\.com$/,
  entityFromUrl,
  titleFrom: (doc, key) => pickTitle(doc, key, TITLE_SELECTORS, (title) => stripAll(title, [/\s+[|–-]\s+Trello$/i])),
  linkSelector: 'a[href*="/c/"]',
};
