/**
 * Fixture pages served at the sites' real URLs, with no network: what each browser's
 * launcher answers a request with. Kept apart from any one driver so that a launcher
 * for another browser (its own request interception) serves pages the same way.
 */

/**
 * A table of pages by URL. A string URL matches the request's URL without its fragment;
 * a RegExp is tested against that URL too. The page registered last wins, so a test can
 * replace a page it served before. Only documents are served: a fixture's images,
 * scripts and fetches have nothing behind them, and are recorded as unserved.
 *
 * @returns {import('./routes.d.mts').FixtureRoutes}
 */
export function fixtureRoutes() {
  /** @type {{ url: string | RegExp; html: (url: string) => string }[]} */
  const routes = [];
  /** @type {string[]} */
  const unserved = [];
  return {
    unserved,
    serve(url, html) {
      const page = typeof url === 'string' ? withoutFragment(url) : url;
      routes.push({ url: page, html: typeof html === 'function' ? html : () => html });
    },
    answer(requested, isDocument) {
      const url = withoutFragment(requested);
      const route = routes.findLast((r) => (typeof r.url === 'string' ? r.url === url : r.url.test(url)));
      if (route && isDocument) return route.html(url);
      unserved.push(requested);
      return null;
    },
  };
}

/** Browsers keep the fragment on a navigation's URL, though it is never sent to a server. */
function withoutFragment(url) {
  return url.split('#')[0];
}
