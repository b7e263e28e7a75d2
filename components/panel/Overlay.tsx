/**
 * The panel docked to the page edge. Collapsed, it is a pill that already says the
 * essential thing; expanded, it shows the ticket or chart view. Esc collapses it.
 */
import { useEffect, useRef } from 'preact/hooks';
import { formatScore } from '../../lib/domain/format';
import { request } from '../../lib/messaging/client';
import { liveScore } from '../../lib/state/item-editor';
import { entity, expanded, hasTree, inputLink, item, loadError, loadState, chartMetric } from '../../lib/state/page';
import { AnalyticsPanel } from './AnalyticsPanel';
import { TicketPanel } from './TicketPanel';

export function Overlay() {
  const current = entity.value;
  if (!current) return null;
  return expanded.value ? <Panel /> : <Pill />;
}

function pillText(): { text: string; tone: 'linked' | 'unlinked' | 'muted' } {
  if (loadState.value === 'error') return { text: 'North Star Lens: not available', tone: 'muted' };
  if (loadState.value !== 'ready') return { text: 'North Star…', tone: 'muted' };
  if (!hasTree.value) return { text: 'Set up your North Star', tone: 'muted' };
  if (entity.value?.kind === 'analytics') {
    const metric = chartMetric.value;
    return metric ? { text: `Measures ${metric.name}`, tone: 'linked' } : { text: 'Chart not linked to a metric', tone: 'unlinked' };
  }
  if (!item.value) return { text: 'Not tracked · no path to the NSM', tone: 'unlinked' };
  const link = inputLink.value;
  if (!link) return { text: 'Not linked to the NSM', tone: 'unlinked' };
  const score = liveScore.value;
  return { text: `${link.input.name} · ${score?.ok ? formatScore(score.score) : 'unscored'}`, tone: 'linked' };
}

function Pill() {
  const { text, tone } = pillText();
  return (
    <button
      type="button"
      class={`pill pill-${tone}`}
      aria-expanded="false"
      aria-controls="nsl-panel"
      data-testid="pill"
      title="North Star Lens (Alt+Shift+N)"
      onClick={() => (expanded.value = true)}
    >
      <span class="pill-star" aria-hidden="true">★</span>
      <span class="pill-text">{text}</span>
    </button>
  );
}

function Panel() {
  const current = entity.value!;
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    root.current?.querySelector<HTMLElement>('button, input, select, textarea')?.focus({ preventScroll: true });
  }, []);
  return (
    <aside
      id="nsl-panel"
      class="panel"
      ref={root}
      aria-label="North Star Lens"
      data-testid="panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          expanded.value = false;
        }
      }}
    >
      <header class="panel-head">
        <div class="panel-entity">
          <span class="panel-key" data-testid="entity-key">{current.key}</span>
          <span class="panel-title" title={current.title}>{current.title}</span>
        </div>
        <button type="button" class="icon" aria-label="Collapse North Star panel" onClick={() => (expanded.value = false)}>
          ×
        </button>
      </header>
      <div class="panel-body">
        <PanelBody />
      </div>
    </aside>
  );
}

function PanelBody() {
  if (loadState.value === 'error') {
    return (
      <p class="field-error" role="alert">
        {loadError.value}
      </p>
    );
  }
  if (loadState.value !== 'ready') return <p class="muted">Loading…</p>;
  if (!hasTree.value) {
    return (
      <div class="track">
        <p>Define your North Star Metric and its input metrics first; then every ticket here can be tagged and ranked.</p>
        <button type="button" class="primary" onClick={() => void request({ type: 'dashboard.open' })}>
          Open the dashboard
        </button>
      </div>
    );
  }
  return entity.value?.kind === 'analytics' ? <AnalyticsPanel /> : <TicketPanel />;
}
