/**
 * How an entity is named wherever links are indexed or looked up: the database's
 * `byLink` index, the background's derived copy, the badges on a board. One function, so
 * the key a write stores is the key every read looks for.
 */
import type { EntityLink } from './types';

/** An entity by its site and key, without its URL: what a page asks about. */
export type LinkRef = Pick<EntityLink, 'site' | 'key'>;

/** `site:key`, e.g. `jira:ABC-123` or `github:owner/repo#42`; a site id never contains ':', so it is unambiguous. */
export function linkKey(link: LinkRef): string {
  return `${link.site}:${link.key}`;
}
