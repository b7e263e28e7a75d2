/**
 * The toolbar popup: the active tree's North Star with its latest value and trend, what
 * this tab is linked to, a quick "add idea", and the way to the dashboard.
 */
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { togglePanelInTab } from '../../lib/messaging/panel-toggle';
import { formatNumber, formatPercent, formatScore } from '../../lib/domain/format';
import { ideaTitleFromTab } from '../../lib/domain/idea-title';
import { metricById, resolveInputLink } from '../../lib/domain/tree';
import { request } from '../../lib/messaging/client';
import { currentTab, loadCurrentTab, refreshTabContext, tabContext } from '../../lib/state/workspace/current-tab';
import {
  treeLoadError,
  treeLoadState,
  treeMetrics,
  treeNsm,
  itemsLoading,
  ranking,
  settings,
  treeSnapshot,
  treeTaggableMetrics,
  tree,
  valueSummaries,
} from '../../lib/state/workspace/tree';
import { PERIOD_LABELS } from '../common/labels';
import { siteLabel } from '../../lib/sites/labels';
import { Sparkline } from '../common/Sparkline';

const ideaTitle = signal<string | null>(null);
const ideaMetric = signal('');
const added = signal<string | null>(null);
const error = signal<string | null>(null);

function openDashboard(hash = ''): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html${hash}`) }).then(() => window.close());
}

function NorthStar() {
  const north = treeNsm.value;
  if (!north) {
    return (
      <section class="nsm-box">
        <p class="muted">This tree has no North Star yet.</p>
      </section>
    );
  }
  const values = valueSummaries.value.get(north.id)?.recent ?? [];
  const latest = values[values.length - 1];
  const previous = values[values.length - 2];
  const change =
    latest && previous && previous.value !== 0 ? (latest.value - previous.value) / Math.abs(previous.value) : null;
  return (
    <section class="nsm-box" aria-labelledby="nsm-name">
      <p class="eyebrow">North Star{north.period ? ` · ${PERIOD_LABELS[north.period]}` : ''}</p>
      <h1 id="nsm-name">{north.name}</h1>
      {latest ? (
        <div class="nsm-value-row">
          <div>
            <p class="nsm-value">
              {formatNumber(latest.value)} <span class="unit">{north.unit}</span>
            </p>
            <p class="small muted">
              {change !== null ? (
                <span class={change >= 0 ? 'trend up' : 'trend down'}>
                  <span aria-hidden="true">{change >= 0 ? '▲' : '▼'}</span> {change >= 0 ? 'up' : 'down'}{' '}
                  {formatPercent(Math.abs(change))}
                </span>
              ) : null}{' '}
              on {latest.at}
            </p>
          </div>
          {values.length >= 2 && <Sparkline values={values.slice(-12).map((o) => o.value)} />}
        </div>
      ) : (
        <p class="small muted">No value recorded yet. Open a chart of it in your analytics tool to record one.</p>
      )}
    </section>
  );
}

function ThisPage() {
  const tab = currentTab.value;
  const context = tabContext.value;
  if (!tab) return null;
  if (!tab.link) {
    return (
      <section class="this-page" aria-labelledby="page-heading">
        <h2 id="page-heading">This page</h2>
        <p class="small muted">Browser pages cannot be linked.</p>
      </section>
    );
  }
  const item = context?.item ?? null;
  const link = item ? resolveInputLink(metricById(context?.metrics ?? treeMetrics.value), item.inputMetricId) : null;
  // A rank among the items come so far would be wrong: none until every item has.
  const ranked = item && !itemsLoading.value ? ranking.value.ranked.find((r) => r.item.id === item.id) : undefined;
  return (
    <section class="this-page" aria-labelledby="page-heading">
      <h2 id="page-heading">
        This page{' '}
        <span class="pill">
          {tab.link.site === 'web' ? new URL(tab.link.url).hostname : `${siteLabel(tab.link.site)} ${tab.link.key}`}
        </span>
      </h2>
      {item ? (
        <div class="linked">
          <p class="linked-title">{item.title}</p>
          <p class="small">
            {link ? (
              <>
                Moves <strong>{link.metric.name}</strong>
                {ranked ? (
                  <>
                    {' '}
                    · rank <strong>#{ranked.rank}</strong> · score {formatScore(ranked.score)}
                  </>
                ) : (
                  ' · not scored yet'
                )}
              </>
            ) : (
              <span class="warn-text">Not linked to an input metric</span>
            )}
          </p>
        </div>
      ) : (
        <p class="small muted">Not in the backlog yet.</p>
      )}
      {tab.id !== null ? (
        <button
          type="button"
          class="btn small"
          onClick={() =>
            void togglePanelInTab(tab.id as number)
              .then(() => window.close())
              .catch(() => (error.value = 'The panel cannot open on this page.'))
          }
        >
          Open the panel on this page
        </button>
      ) : null}
    </section>
  );
}

async function addIdea(event: Event): Promise<void> {
  event.preventDefault();
  const current = tree.value;
  const tab = currentTab.value;
  const suggested =
    tab?.link && !tabContext.value?.item ? ideaTitleFromTab(tab.title, tab.link.key, siteLabel(tab.link.site)) : '';
  const title = (ideaTitle.value ?? suggested).trim();
  if (!current || !title) return;
  try {
    error.value = null;
    const alreadyLinked = Boolean(tabContext.value?.item);
    const created = await request({
      type: 'item.create',
      treeId: current.id,
      title,
      links: tab?.link && !alreadyLinked ? [tab.link] : [],
      inputMetricId: ideaMetric.value || null,
    });
    added.value = `Added “${created.title}”.`;
    ideaTitle.value = '';
    await refreshTabContext();
  } catch (e) {
    error.value = e instanceof Error ? e.message : String(e);
  }
}

function QuickAdd() {
  const tab = currentTab.value;
  const linkable = Boolean(tab?.link) && !tabContext.value?.item;
  return (
    <form class="quick-add" onSubmit={(e) => void addIdea(e)} aria-labelledby="add-heading">
      <h2 id="add-heading">Add an idea</h2>
      <div class="field">
        <label for="idea-title">Idea</label>
        <input
          id="idea-title"
          type="text"
          value={
            ideaTitle.value ??
            (linkable && tab?.link ? ideaTitleFromTab(tab.title, tab.link.key, siteLabel(tab.link.site)) : '')
          }
          placeholder="What would move the North Star?"
          onInput={(e) => (ideaTitle.value = e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="idea-metric">Moves</label>
        <select id="idea-metric" value={ideaMetric.value} onChange={(e) => (ideaMetric.value = e.currentTarget.value)}>
          <option value="">Not linked yet</option>
          {treeTaggableMetrics.value.map((m) => (
            <option key={m.id} value={m.id}>
              {m.role === 'team' ? `↳ ${m.name}` : m.name}
            </option>
          ))}
        </select>
      </div>
      <div class="quick-foot">
        <span class="small muted">{linkable ? 'Linked to this page' : ''}</span>
        <button type="submit" class="btn primary">
          Add idea
        </button>
      </div>
      <div aria-live="polite" class="small">
        {added.value ? <p class="ok-text">{added.value}</p> : null}
        {error.value ? <p class="field-error">{error.value}</p> : null}
      </div>
    </form>
  );
}

export function Popup() {
  const ready = treeLoadState.value !== 'loading' || treeSnapshot.value;
  const customDomains = settings.value?.customDomains;
  useEffect(() => {
    if (customDomains)
      void loadCurrentTab(customDomains).catch(
        (e: unknown) => (error.value = e instanceof Error ? e.message : String(e)),
      );
  }, [customDomains]);
  return (
    <div class="popup">
      <header class="popup-head">
        <span class="brand">
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
            <path d="M12 2l2.2 7.8L22 12l-7.8 2.2L12 22l-2.2-7.8L2 12l7.8-2.2z" fill="currentColor" />
          </svg>
          {tree.value?.name ?? 'North Star Lens'}
        </span>
        <button type="button" class="btn small" onClick={() => openDashboard()}>
          Open dashboard
        </button>
      </header>
      {!ready ? (
        <p class="muted pad">Loading…</p>
      ) : treeLoadState.value === 'error' && !treeSnapshot.value ? (
        <p class="notice error pad">{treeLoadError.value}</p>
      ) : !tree.value ? (
        <section class="nsm-box">
          <h1>Set up your North Star</h1>
          <p class="small muted">Pick one of the framework’s well-known examples and make it yours in two minutes.</p>
          <button type="button" class="btn primary" onClick={() => openDashboard()}>
            Get started
          </button>
        </section>
      ) : (
        <>
          <NorthStar />
          <ThisPage />
          <QuickAdd />
        </>
      )}
    </div>
  );
}
