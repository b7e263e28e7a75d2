/**
 * The open panel, docked to the page edge: the ticket or chart view. Esc collapses it
 * back into the pill (components/panel/pill.ts), which is on the page without it.
 */
import { useEffect, useRef } from 'preact/hooks';
import { request } from '../../lib/messaging/client';
import { entity, expanded, hasTree, pageLoadError, pageLoadState, pillPartOnly } from '../../lib/state/page/page';
import { AnalyticsPanel } from './AnalyticsPanel';
import { TicketPanel } from './TicketPanel';

export function Overlay() {
  return entity.value && expanded.value ? <Panel /> : null;
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
          <span class="panel-key" data-testid="entity-key">
            {current.key}
          </span>
          <span class="panel-title" title={current.title}>
            {current.title}
          </span>
        </div>
        <button
          type="button"
          class="icon"
          aria-label="Collapse North Star panel"
          onClick={() => (expanded.value = false)}
        >
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
  if (pageLoadState.value === 'error') {
    return (
      <p class="field-error" role="alert">
        {pageLoadError.value}
      </p>
    );
  }
  // The pill's part of the context names too few metrics for the panel: the rest is on its way.
  if (pageLoadState.value !== 'ready' || pillPartOnly.value) return <p class="muted">Loading…</p>;
  if (!hasTree.value) {
    return (
      <div class="track">
        <p>
          Define your North Star Metric and its input metrics first; then every ticket here can be tagged and ranked.
        </p>
        <button type="button" class="primary" onClick={() => void request({ type: 'dashboard.open' })}>
          Open the dashboard
        </button>
      </div>
    );
  }
  return entity.value?.kind === 'analytics' ? <AnalyticsPanel /> : <TicketPanel />;
}
