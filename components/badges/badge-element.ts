/**
 * One badge: a host element beside the link, a closed shadow root the page cannot
 * enter, the badge's stylesheet and a label set as text only. A board makes a thousand
 * at once, so the host is cloned from a prepared one (its attribute and inline style
 * copied, not parsed again) and every shadow root adopts one shared constructed
 * stylesheet instead of carrying a <style> of its own. Where a browser refuses to adopt
 * a sheet made by a content script, each badge gets its own <style>, as before.
 */
import { formatScore } from '../../lib/domain/format';
import type { Badge } from '../../lib/messaging/protocol';
import { BADGE_CSS } from './badge-style';

let hostTemplate: HTMLElement | null = null;
let styleTemplate: HTMLStyleElement | null = null;
/** undefined: not made yet; null: this browser will not adopt it. */
let sharedSheet: CSSStyleSheet | null | undefined;
/** Reading adoptedStyleSheets back costs as much as adopting: once it has been seen to work, it is trusted. */
let adoptionSeenToWork = false;

function prepared(): HTMLElement {
  if (!hostTemplate) {
    hostTemplate = document.createElement('span');
    hostTemplate.setAttribute('data-nsl-badge', '');
    hostTemplate.style.setProperty('display', 'inline', 'important');
  }
  return hostTemplate;
}

function ownStyle(): Node {
  if (!styleTemplate) {
    styleTemplate = document.createElement('style');
    styleTemplate.textContent = BADGE_CSS;
  }
  return styleTemplate.cloneNode(true);
}

/** Whether the shadow root now carries the shared sheet; checked, so a silent refusal falls back too. */
function adoptShared(shadow: ShadowRoot): boolean {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(BADGE_CSS);
    } catch {
      sharedSheet = null;
    }
  }
  if (!sharedSheet) return false;
  try {
    shadow.adoptedStyleSheets = [sharedSheet];
    if (adoptionSeenToWork || shadow.adoptedStyleSheets.length === 1) {
      adoptionSeenToWork = true;
      return true;
    }
  } catch {
    // Firefox content scripts may not adopt a sheet from their own compartment.
  }
  sharedSheet = null;
  return false;
}

export function createBadge(badge: Badge | null | undefined): { host: HTMLElement; label: HTMLElement } {
  const host = prepared().cloneNode(false) as HTMLElement;
  const shadow = host.attachShadow({ mode: 'closed' });
  const label = document.createElement('span');
  renderBadge(label, badge);
  if (adoptShared(shadow)) shadow.append(label);
  else shadow.append(ownStyle(), label);
  return { host, label };
}

/** `undefined`: the workspace could not be asked; `null`: not tracked. */
export function renderBadge(label: HTMLElement, badge: Badge | null | undefined): void {
  if (badge === undefined) {
    label.className = 'badge muted';
    label.textContent = '?';
    label.title = 'North Star Lens could not read the workspace';
    return;
  }
  if (!badge?.metricName) {
    label.className = 'badge muted';
    label.textContent = 'unlinked';
    label.title = badge
      ? 'Tracked, but linked to no input metric: no path to the North Star'
      : 'Not tracked in North Star Lens';
    return;
  }
  label.className = 'badge linked';
  const score = badge.score === null ? 'unscored' : formatScore(badge.score);
  label.textContent = `${badge.metricName} · ${score}`;
  label.title = `Moves ${badge.metricName}; RICE × leverage ${score}`;
}
