import type { SiteAdapter } from './types';
import { entity, pathSegments, safeDecode } from './url-parts';
import { escapeRegExp, pickTitle, stripAll } from './text';

/**
 * Aha! record references: a workspace prefix, then the number; epics carry '-E-', initiatives
 * '-S-', ideas '-I-' (PRJ-123, PRJ3-E-3, PRJ1-S-1, PRJ-I-45, as the Aha! API's 'reference_num').
 */
const REFERENCE = /^[A-Za-z][A-Za-z0-9_]{0,19}-(?:([EIS])-)?[0-9]{1,10}$/i;

/** The record paths and the letter of their references ('' for features). */
const RECORDS = new Map([
  ['features', ''],
  ['epics', 'E'],
  ['initiatives', 'S'],
]);

function reference(raw: string | undefined, letter: string): string | null {
  const decoded = raw === undefined ? null : safeDecode(raw);
  const match = decoded === null ? null : REFERENCE.exec(decoded);
  return match && (match[1] ?? '').toUpperCase() === letter ? match[0].toUpperCase() : null;
}

/**
 * Features at /features/PRJ-123, epics at /epics/PRJ-E-3 and initiatives at /initiatives/PRJ-S-1
 * (the 'url' the Aha! API gives each record), the same under Aha! Develop's /develop prefix
 * (/develop/features/INFR-1073); ideas at /ideas/ideas/PRJ-I-45 in the workspace, and
 * /ideas/PRJ-I-45 on a public ideas portal (<x>.ideas.aha.io). An initiative's older numeric
 * address (/initiatives/6412771945909400418) names no reference to key it by.
 */
function entityFromUrl(url: URL) {
  const all = pathSegments(url);
  const prefix = all[0] === 'develop' ? '/develop' : '';
  const segments = prefix === '' ? all : all.slice(1);
  const [first = '', second, third] = segments;
  const letter = RECORDS.get(first);
  if (letter !== undefined && segments.length <= 2) {
    const ref = reference(second, letter);
    return ref === null ? null : entity(ref, `${url.origin}${prefix}/${first}/${ref}`);
  }
  if (first === 'ideas' && second === 'ideas' && segments.length <= 3) {
    const ref = reference(third, 'I');
    return ref === null ? null : entity(ref, `${url.origin}/ideas/ideas/${ref}`);
  }
  if (first === 'ideas' && segments.length === 2) {
    const ref = reference(second, 'I');
    return ref === null ? null : entity(ref, `${url.origin}/ideas/${ref}`);
  }
  return null;
}

/**
 * A workspace's boards and lists (/products/PRJ/feature_cards, /products/PRJ/features,
 * /products/PRJ/ideas_overview), saved views (/bookmarks/..., /develop/bookmarks/custom_pivots/...)
 * and the ideas list: where many records show at once. Not a record, settings or a workspace's home.
 */
export const LIST_PAGES = /^\/(?:develop\/)?(?:products\/[^/]+\/.|bookmarks\/|ideas\/(?:ideas|overview)\/?$)/;

const TITLE_SELECTORS = ['.record-title .name', '.record-title', '[data-testid="record-name"]', 'h1'];

export const aha: SiteAdapter = {
  site: 'aha',
  kind: 'ticket',
  matches: ['https://*.aha.io/*'],
  hosts: /^(?:[a-z0-9-]+\.)+aha\.io$/,
  entityFromUrl,
  titleFrom: (doc, key) =>
    pickTitle(doc, key, TITLE_SELECTORS, (title) =>
      stripAll(title, [
        /\s+[|–-]\s+Aha!?$/i,
        /^Aha!?\s+[|–-]\s+/i,
        new RegExp(`^${escapeRegExp(key)}\\s*[:–-]?\\s*`, 'i'),
      ]),
    ),
  linkSelector: 'a[href*="/features/"], a[href*="/epics/"], a[href*="/initiatives/"], a[href*="/ideas/"]',
};
