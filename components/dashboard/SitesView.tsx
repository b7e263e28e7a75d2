/**
 * Where the overlay runs: each supported site on or off, and self-hosted instances added
 * as custom domains (with the host permission asked for at that moment).
 */
import { signal } from '@preact/signals';
import type { SiteId } from '../../lib/domain/types';
import {
  addCustomDomain,
  removeCustomDomain,
  SELF_HOSTABLE_SITES,
  type SelfHostableSite,
} from '../../lib/custom-domains';
import { request } from '../../lib/messaging/client';
import { ADAPTERS, originPatternFrom } from '../../lib/sites';
import { settings } from '../../lib/state/workspace/tree';
import { siteLabel } from '../../lib/sites/labels';

const typedDomain = signal('');
const typedSite = signal<SelfHostableSite>('jira');
const domainError = signal<string | null>(null);
const domainNotice = signal<string | null>(null);
const siteError = signal<string | null>(null);

async function setSite(site: SiteId, on: boolean): Promise<void> {
  const current = settings.value?.disabledSites ?? [];
  const disabledSites = on ? current.filter((s) => s !== site) : [...new Set([...current, site])];
  try {
    siteError.value = null;
    await request({ type: 'settings.update', patch: { disabledSites } });
  } catch (e) {
    siteError.value = e instanceof Error ? e.message : String(e);
  }
}

function add(event: Event): void {
  event.preventDefault();
  domainError.value = null;
  domainNotice.value = null;
  const parsed = originPatternFrom(typedDomain.value);
  if (!parsed.ok) {
    domainError.value = parsed.message;
    return;
  }
  const site = typedSite.value;
  // No await before this call: the permission prompt needs the click's user gesture.
  addCustomDomain(parsed.pattern, site, settings.value?.customDomains ?? [])
    .then((result) => {
      if (result === 'refused')
        domainError.value = 'The browser did not grant access to that host, so nothing was added.';
      else {
        domainNotice.value = `${siteLabel(site)} at ${parsed.pattern.replace(/\/\*$/, '')} added. Reload its open tabs to see the panel.`;
        typedDomain.value = '';
      }
    })
    .catch((e: unknown) => (domainError.value = e instanceof Error ? e.message : String(e)));
}

function remove(origin: string): void {
  domainNotice.value = null;
  removeCustomDomain(origin, settings.value?.customDomains ?? []).catch(
    (e: unknown) => (domainError.value = e instanceof Error ? e.message : String(e)),
  );
}

export function SitesView() {
  const disabled = new Set(settings.value?.disabledSites ?? []);
  const custom = settings.value?.customDomains ?? [];
  return (
    <div class="sites-view">
      <h2>Sites</h2>
      <p class="muted">
        The panel and badges appear on these sites. Turning one off stops the overlay there at the next page load;
        nothing is deleted.
      </p>
      <section class="card data-card" aria-labelledby="supported-heading">
        <h3 id="supported-heading">Supported sites</h3>
        <ul class="site-list">
          {ADAPTERS.map((a) => (
            <li key={a.site} class="site-row">
              <label class="switch">
                <input
                  type="checkbox"
                  role="switch"
                  checked={!disabled.has(a.site)}
                  aria-checked={!disabled.has(a.site)}
                  onChange={(e) => void setSite(a.site, e.currentTarget.checked)}
                />
                <span class="switch-track" aria-hidden="true" />
                <span class="site-name">{siteLabel(a.site)}</span>
              </label>
              <span class="pill">{a.kind === 'ticket' ? 'Tracker' : 'Analytics'}</span>
              <span class="muted small site-hosts">
                {a.matches.map((m) => m.replace(/^https:\/\//, '').replace(/\/\*$/, '')).join(', ')}
              </span>
            </li>
          ))}
        </ul>
        {siteError.value ? <p class="notice error">{siteError.value}</p> : null}
      </section>
      <section class="card data-card" aria-labelledby="custom-heading">
        <h3 id="custom-heading">Custom domains</h3>
        <p class="muted small">
          For a self-hosted instance: Jira Data Center, GitHub Enterprise or PostHog on your own domain. Your browser
          asks you to allow North Star Lens on that host.
        </p>
        <form class="custom-form" onSubmit={add}>
          <div class="field grow">
            <label for="custom-domain">Address</label>
            <input
              id="custom-domain"
              type="text"
              placeholder="jira.example.com"
              value={typedDomain.value}
              aria-invalid={domainError.value ? true : undefined}
              aria-describedby={domainError.value ? 'custom-domain-error' : undefined}
              onInput={(e) => (typedDomain.value = e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="custom-site">Runs</label>
            <select
              id="custom-site"
              value={typedSite.value}
              onChange={(e) => (typedSite.value = e.currentTarget.value as SelfHostableSite)}
            >
              {SELF_HOSTABLE_SITES.map((s) => (
                <option key={s} value={s}>
                  {siteLabel(s)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="btn primary">
            Add domain
          </button>
        </form>
        <div aria-live="polite">
          {domainError.value ? (
            <p class="notice error" id="custom-domain-error">
              {domainError.value}
            </p>
          ) : null}
          {domainNotice.value ? <p class="notice ok">{domainNotice.value}</p> : null}
        </div>
        {custom.length ? (
          <ul class="domain-list">
            {custom.map((d) => (
              <li key={d.origin} class="domain-row">
                <span class="domain-origin">{d.origin.replace(/\/\*$/, '')}</span>
                <span class="pill accent">{siteLabel(d.site)}</span>
                <button type="button" class="btn quiet small" onClick={() => remove(d.origin)}>
                  Remove<span class="visually-hidden"> {d.origin}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted small">No custom domain yet.</p>
        )}
      </section>
    </div>
  );
}
