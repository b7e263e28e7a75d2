import type { SiteAdapter } from './types';
import { entity, pathSegments, safeDecode } from './url-parts';
import { escapeRegExp, pickTitle, stripAll } from './text';

/** Aha! record references: a product prefix, then the number; ideas carry '-I-'. */
const FEATURE_REF = /^[A-Za-z][A-Za-z0-9_]{0,19}-[0-9]{1,10}$/;
const IDEA_REF = /^[A-Za-z][A-Za-z0-9_]{0,19}-I-[0-9]{1,10}$/;

function reference(raw: string | undefined, pattern: RegExp): string | null {
  const decoded = raw === undefined ? null : safeDecode(raw);
  return decoded !== null && pattern.test(decoded) ? decoded.toUpperCase() : null;
}

/**
 * Features at /features/PRJ-123, ideas at /ideas/ideas/PRJ-I-45 in the workspace, and
 * /ideas/PRJ-I-45 on a public ideas portal (<x>.ideas.aha.io).
 */
function entityFromUrl(url: URL) {
  const segments = pathSegments(url);
  const [first, second, third] = segments;
  if (first === 'features' && segments.length <= 2) {
    const ref = reference(second, FEATURE_REF);
    return ref === null ? null : entity(ref, `${url.origin}/features/${ref}`);
  }
  if (first === 'ideas' && second === 'ideas' && segments.length <= 3) {
    const ref = reference(third, IDEA_REF);
    return ref === null ? null : entity(ref, `${url.origin}/ideas/ideas/${ref}`);
  }
  if (first === 'ideas' && segments.length === 2) {
    const ref = reference(second, IDEA_REF);
    return ref === null ? null : entity(ref, `${url.origin}/ideas/${ref}`);
  }
  return null;
}

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
  linkSelector: 'a[href*="/features/"], a[href*="/ideas/"]',
};
