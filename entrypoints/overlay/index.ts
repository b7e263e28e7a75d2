import { effect } from '@preact/signals-core';
import { browser } from 'wxt/browser';
import { type FollowSiteSetting, startPageBadges } from '../../components/badges/page-badges';
import { mountPill } from '../../components/panel/pill';
import pillCss from '../../components/panel/pill.css?inline';
import { onWorkspaceChange, request } from '../../lib/messaging/client';
import type { SiteSettings } from '../../lib/messaging/protocol';
import { flushPanelDrafts, forgetPanelDrafts } from '../../lib/state/page/panel-drafts';
import {
  applyChange,
  entity,
  expanded,
  loadPage,
  needsScores,
  pillPartOnly,
  prefetchPage,
  showEarly,
  type PrefetchedPage,
} from '../../lib/state/page/page';
import { loadPanelCode, panelCode } from '../../lib/state/page/panel-code';
import { rememberSelection } from '../../lib/state/page/selection';
import { takeEarlyOpening } from './early';
import { startLifetime } from './lifetime';
import { shareWithPanel } from './share';
import { mountShadowHost } from './shadow-host';
import { adapterForUrl, entityAtUrl, entityOnPage, genericWebEntity } from '../../lib/sites';

/** A task boundary: what was drawn before it can be painted before what follows runs. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The content script of the supported sites (listed in the manifest by wxt.config.ts, at
 * document_idle), of self-hosted instances (registered at run time) and of any page where
 * the toolbar opens the panel (injected then). An unlisted script, so that it carries none
 * of WXT's content-script runtime: ./lifetime.ts does what the overlay needed of it. The
 * pill's stylesheet travels inside the script: no extra fetch, and no file exposed to pages.
 */
export default defineUnlistedScript(async () => {
  // On the supported sites the early request (document_start) has usually brought the
  // settings and the ticket's context by now. Without it (a self-hosted instance, a page
  // opened from the toolbar, an address changed since) the ticket's context is asked for
  // beside the settings, so the pill waits for one round trip instead of two; either way
  // the early answer is used only if the settings leave the site on and nothing changed.
  const opening = await takeEarlyOpening();
  let prefetched: PrefetchedPage | null = null;
  let siteSettings: SiteSettings;
  if (opening) {
    siteSettings = opening.settings;
    if (opening.link && opening.context) prefetched = { ...opening.link, reply: Promise.resolve(opening.context) };
  } else {
    const builtIn = adapterForUrl(new URL(location.href));
    prefetched = builtIn ? prefetchPage(entityOnPage(new URL(location.href), document)) : null;
    // Which sites are switched off and which hosts are self-hosted instances: known
    // before anything shows, so a switched-off site shows nothing at all.
    siteSettings = await request({ type: 'sites.settings' }).catch(() => ({ disabledSites: [], customDomains: [] }));
  }
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
    await flushPanelDrafts();
    forgetPanelDrafts();
    entity.value = next;
    const early = prefetched;
    prefetched = null;
    await loadPage(early);
  };

  // The badges start once the pill has shown (below), and follow notices and addresses from then on.
  let followBadges: FollowSiteSetting | null = null;
  const followSettings = async () => {
    const wasOff = isSwitchedOff();
    siteSettings = await request({ type: 'sites.settings' });
    if (wasOff === isSwitchedOff()) return;
    followBadges?.(isSwitchedOff());
    await showEntity();
  };

  // What the early answer says about this page is in place before the pill first draws, so
  // its first text is the final one. The page's title is read after (showEntity).
  // The answer is for this address (takeEarlyOpening checked), so the entity the URL
  // names is the one the background named.
  const earlyContext = isSwitchedOff() ? null : opening?.context;
  const named = earlyContext ? entityAtUrl(here(), siteSettings.customDomains) : null;
  if (earlyContext && named && showEarly(named, earlyContext)) prefetched = null;

  const ui = mountShadowHost({
    name: 'north-star-lens',
    css: pillCss,
    // Keys typed in the panel must not reach the host's shortcuts (Jira's, GitHub's...).
    isolateEvents: ['keydown', 'keyup', 'keypress', 'input', 'focusin', 'focusout'],
  });
  // Inline !important beats any host rule that would hide or restyle our host element.
  ui.host.style.setProperty('display', 'block', 'important');
  ui.host.style.setProperty('position', 'static', 'important');
  const unmountPill = mountPill(ui.container);

  // Listening comes before anything is shown, so no notice or toggle sent meanwhile goes
  // unheard; everything else waits until the page has had a chance to paint the pill.
  const unsubscribe = onWorkspaceChange((notice) => {
    prefetched = null;
    if (notice.stores.includes('settings')) void followSettings();
    if (isSwitchedOff()) return;
    if (applyChange(notice)) void loadPage();
  });
  const onCommand = (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type === 'nsl.togglePanel') {
      if (!entity.value) entity.value = genericWebEntity(new URL(location.href), document);
      expanded.value = !expanded.value;
      void loadPage();
    }
  };
  browser.runtime.onMessage.addListener(onCommand);

  await nextTask();
  const lifetime = startLifetime();
  lifetime.onEnd(() => {
    unsubscribe();
    browser.runtime.onMessage.removeListener(onCommand);
    unmountPill();
    ui.host.remove();
  });
  shareWithPanel(ui);
  lifetime.onAddressChange(() => {
    void showEntity();
  });

  // The entity as the page shows it now: its title, or another ticket if the address
  // changed since the pill was drawn.
  await showEntity();
  // A newer copy may have taken over the page meanwhile (see ./lifetime.ts).
  if (lifetime.ended) return;
  // The early answer was the pill's part: the rest comes now, after the pill has shown.
  if (pillPartOnly.peek()) void loadPage();

  if (adapter) followBadges = startPageBadges(adapter, () => siteSettings, isSwitchedOff, ui.host, lifetime);

  // Hosts set the real title after the URL changes; pick it up without a reload.
  lifetime.later(() => void showEntity(), 1500);

  lifetime.listen(document, 'selectionchange', () => rememberSelection(String(document.getSelection() ?? '')));
  lifetime.listen(window, 'pagehide', () => void flushPanelDrafts());
  lifetime.listen(document, 'visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushPanelDrafts();
  });

  const stopTitleEffect = effect(() => {
    if (!entity.value) expanded.value = false;
  });
  lifetime.onEnd(stopTitleEffect);
  const stopScoresEffect = effect(() => {
    if (needsScores()) void loadPage();
  });
  lifetime.onEnd(stopScoresEffect);
  // Opening the panel (pill, shortcut, popup) brings its code the first time.
  const stopPanelEffect = effect(() => {
    if (!expanded.value || panelCode.peek() === 'ready') return;
    void loadPanelCode().then(() => {
      if (panelCode.peek() === 'failed') expanded.value = false;
    });
  });
  lifetime.onEnd(stopPanelEffect);
});
