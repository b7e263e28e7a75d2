import { effect } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { BadgeLayer } from '@/components/badges/badge-layer';
import { Overlay } from '@/components/panel/Overlay';
import panelCss from '@/components/panel/panel.css?inline';
import { onWorkspaceChange, request } from '@/lib/messaging/client';
import type { SiteSettings } from '@/lib/messaging/protocol';
import { flushDrafts, resetEditor } from '@/lib/state/item-editor';
import { entity, expanded, loadPage, prefetchPage } from '@/lib/state/page';
import { rememberSelection } from '@/lib/state/selection';
import { mountShadowHost } from './shadow-host';
import { adapterForUrl, entityLinkFromHref, entityOnPage, genericWebEntity, SUPPORTED_MATCH_PATTERNS } from '@/lib/sites';

export default defineContentScript({
  matches: SUPPORTED_MATCH_PATTERNS,
  // The stylesheet travels inside the script: no extra fetch, and no file exposed to pages.
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  // WXT would otherwise window.postMessage a "script started" notice carrying the
  // extension's id to the host page: no page needs to learn that this extension is here.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const ui = mountShadowHost({
      name: 'north-star-lens',
      css: panelCss,
      // Keys typed in the panel must not reach the host's shortcuts (Jira's, GitHub's...).
      isolateEvents: ['keydown', 'keyup', 'keypress', 'input', 'focusin', 'focusout'],
    });
    render(<Overlay />, ui.container);
    ctx.onInvalidated(() => {
      render(null, ui.container);
      ui.host.remove();
    });
    // Inline !important beats any host rule that would hide or restyle our host element.
    ui.host.style.setProperty('display', 'block', 'important');
    ui.host.style.setProperty('position', 'static', 'important');

    // On a built-in site the ticket is known already: its context is asked for beside the
    // settings, so the pill waits for one round trip instead of two. It is used only if
    // the settings leave the site on and nothing changed in the meantime.
    const builtIn = adapterForUrl(new URL(location.href));
    let prefetched = builtIn ? prefetchPage(entityOnPage(new URL(location.href), document)) : null;

    // Which sites are switched off and which hosts are self-hosted instances: asked
    // first, so a switched-off site shows nothing at all.
    let siteSettings: SiteSettings = await request({ type: 'sites.settings' }).catch(() => ({ disabledSites: [], customDomains: [] }));
    const here = () => new URL(location.href);
    const adapter = adapterForUrl(here(), siteSettings.customDomains);
    const isSwitchedOff = () => adapter !== null && siteSettings.disabledSites.includes(adapter.site);

    const readEntity = () =>
      adapter ? entityOnPage(here(), document, siteSettings.customDomains) : genericWebEntity(here(), document);

    const showEntity = async () => {
      const next = isSwitchedOff() ? null : readEntity();
      const current = entity.value;
      if (current && next && current.site === next.site && current.key === next.key) {
        if (next.title && next.title !== current.title) entity.value = next;
        return;
      }
      await flushDrafts();
      resetEditor();
      entity.value = next;
      const early = prefetched;
      prefetched = null;
      await loadPage(early);
    };

    const badges = adapter
      ? new BadgeLayer({
          selector: adapter.linkSelector,
          resolve: (href, base) => entityLinkFromHref(href, base, siteSettings.customDomains),
          lookup: (links) => request({ type: 'badges.lookup', links: links.map(({ site, key }) => ({ site, key })) }),
          ownHost: ui.host,
        })
      : null;
    if (!isSwitchedOff()) badges?.start();
    ctx.onInvalidated(() => badges?.stop());

    const followSettings = async () => {
      const wasOff = isSwitchedOff();
      siteSettings = await request({ type: 'sites.settings' });
      if (wasOff === isSwitchedOff()) return;
      if (isSwitchedOff()) badges?.stop();
      else badges?.start();
      await showEntity();
    };

    // WXT fires this from the Navigation API's `navigate` event, which comes before the
    // page's pushState has changed location.href: read the page once the page's own
    // code has run (a microtask), or the old ticket would be read again.
    ctx.addEventListener(window, 'wxt:locationchange', () => queueMicrotask(() => void showEntity()));
    // Hosts set the real title after the URL changes; pick it up without a reload.
    ctx.setTimeout(() => void showEntity(), 1500);
    const unsubscribe = onWorkspaceChange((notice) => {
      prefetched = null;
      if (notice.stores.includes('settings')) void followSettings();
      if (isSwitchedOff()) return;
      void loadPage();
      void badges?.refresh();
    });
    ctx.onInvalidated(unsubscribe);

    const onCommand = (message: unknown) => {
      if ((message as { type?: unknown } | null)?.type === 'nsl.togglePanel') {
        if (!entity.value) entity.value = genericWebEntity(new URL(location.href), document);
        expanded.value = !expanded.value;
        void loadPage();
      }
    };
    browser.runtime.onMessage.addListener(onCommand);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onCommand));

    ctx.addEventListener(document, 'selectionchange', () => rememberSelection(String(document.getSelection() ?? '')));
    ctx.addEventListener(window, 'pagehide', () => void flushDrafts());
    ctx.addEventListener(document, 'visibilitychange', () => {
      if (document.visibilityState === 'hidden') void flushDrafts();
    });

    const stopTitleEffect = effect(() => {
      if (!entity.value) expanded.value = false;
    });
    ctx.onInvalidated(stopTitleEffect);

    await showEntity();
  },
});
