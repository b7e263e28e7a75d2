import type { CustomDomain } from './types';
import { escapeRegExp } from './text';

/**
 * Origin patterns, the form a custom domain (a self-hosted instance) is stored in: read
 * from what the user typed, and matched against a URL. Pure.
 *
 * Custom domains are stored as origin patterns in match-pattern form:
 * 'https://jira.example.com/*', '*://*.example.com/*', 'https://git.example.com:8443/*'.
 * A bare origin ('https://jira.example.com') means every path on it.
 */
interface OriginPattern {
  schemes: readonly string[];
  /** Exact host, or the parent domain when subdomains are allowed. */
  host: string;
  anySubdomain: boolean;
  /** '' matches the scheme's default port only. */
  port: string;
  path: RegExp;
}

const PATTERN = /^(\*|https?):\/\/(\*\.)?([a-z0-9.-]+)(?::([0-9]{1,5}))?(\/.*)?$/i;

function compile(pattern: string): OriginPattern | null {
  const match = PATTERN.exec(pattern.trim());
  if (!match) return null;
  const [, scheme = '', wildcard, host = '', port = '', path = '/*'] = match;
  const pathRegExp = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
  return {
    schemes: scheme === '*' ? ['http:', 'https:'] : [`${scheme.toLowerCase()}:`],
    host: host.toLowerCase(),
    anySubdomain: wildcard !== undefined,
    port,
    path: pathRegExp,
  };
}

/** Patterns are compiled once: badge lookups test every anchor of a page against them. */
const compiled = new Map<string, OriginPattern | null>();

function compiledPattern(pattern: string): OriginPattern | null {
  if (!compiled.has(pattern)) compiled.set(pattern, compile(pattern));
  return compiled.get(pattern) ?? null;
}

/** Whether the URL falls under a custom domain's origin pattern. */
export function matchesOriginPattern(pattern: string, url: URL): boolean {
  const compiledOne = compiledPattern(pattern);
  if (compiledOne === null || !compiledOne.schemes.includes(url.protocol)) return false;
  const hostMatches =
    url.hostname === compiledOne.host || (compiledOne.anySubdomain && url.hostname.endsWith(`.${compiledOne.host}`));
  return hostMatches && url.port === compiledOne.port && compiledOne.path.test(url.pathname);
}

/** The first custom domain the URL falls under, if any. */
export function customDomainFor(url: URL, customDomains: readonly CustomDomain[]): CustomDomain | null {
  return customDomains.find((domain) => matchesOriginPattern(domain.origin, url)) ?? null;
}

export type ParsedOrigin = { ok: true; pattern: string } | { ok: false; message: string };

/**
 * What the user typed (a host, an origin or any URL on it) as an origin match pattern,
 * `https://jira.example.com/*`. Only https: the extension may only ask for https hosts.
 */
export function originPatternFrom(typed: string): ParsedOrigin {
  const text = typed.trim();
  if (text === '') return { ok: false, message: 'Type the address of your instance, e.g. jira.example.com' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, message: `“${text}” is not a web address` };
  }
  if (url.protocol !== 'https:')
    return { ok: false, message: 'Only https addresses can be added: the page must be served over https' };
  if (!url.hostname.includes('.') && url.hostname !== 'localhost')
    return { ok: false, message: `“${url.hostname}” is not a full host name` };
  if (url.username || url.password) return { ok: false, message: 'Leave out the user name and password' };
  return { ok: true, pattern: `https://${url.host}/*` };
}
