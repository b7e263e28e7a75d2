/** The dashboard: the guided start for a new user, else the active tree's sections. */
import { onboardingStep } from '../../lib/state/workspace/onboarding';
import { itemsLoading, treeLoadError, treeLoadState, treeSnapshot, tree, trees } from '../../lib/state/workspace/tree';
import { setActiveTree } from '../../lib/state/workspace/tree-sync';
import { AlignmentView } from './AlignmentView';
import { BacklogView } from './BacklogView';
// biome-ignore lint/suspicious/noShadowRestrictedNames: the Data section's view (see DataView.tsx)
import { DataView } from './DataView';
import { DiscoveryView } from './DiscoveryView';
import { FirstRun } from './FirstRun';
import { ItemsLoading } from './ItemsLoading';
import { OkrsView } from './OkrsView';
import { MetricView } from './MetricView';
import { shownMetricId } from '../../lib/state/workspace/metric-page';
import { section, SECTIONS, go } from './route';
import { SitesView } from './SitesView';
import { TreeView } from './TreeView';
import { ValidationView } from './ValidationView';
import { OutcomesView } from './OutcomesView';
import { WeeklyReviewView } from './WeeklyReviewView';

function TreeSwitcher() {
  const all = trees.value;
  const current = tree.value;
  return (
    <div class="tree-switcher">
      <label for="active-tree" class="visually-hidden">
        Active tree
      </label>
      <select id="active-tree" value={current?.id ?? ''} onChange={(e) => void setActiveTree(e.currentTarget.value)}>
        {all.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <button type="button" class="btn small" onClick={() => (onboardingStep.value = 'pick')}>
        + New tree
      </button>
    </div>
  );
}

/**
 * The sections that count, rank or list the items: while a large tree streams in they say how far it is instead.
 * Not the backlog: the items come top of the ranking first, so it draws the rows that have come (BacklogView).
 */
const READS_EVERY_ITEM: ReadonlySet<string> = new Set(['alignment', 'outcomes', 'weekly-review', 'data']);

function Section() {
  const loading = itemsLoading.value;
  if (loading && (shownMetricId.value !== null || READS_EVERY_ITEM.has(section.value))) {
    return <ItemsLoading {...loading} />;
  }
  if (shownMetricId.value !== null) return <MetricView />;
  switch (section.value) {
    case 'tree':
      return <TreeView />;
    case 'discovery':
      return <DiscoveryView />;
    case 'okrs':
      return <OkrsView />;
    case 'backlog':
      return <BacklogView />;
    case 'alignment':
      return <AlignmentView />;
    case 'validation':
      return <ValidationView />;
    case 'weekly-review':
      return <WeeklyReviewView />;
    case 'outcomes':
      return <OutcomesView />;
    case 'data':
      return <DataView />;
    case 'sites':
      return <SitesView />;
  }
}

function Brand() {
  return (
    <a class="brand" href="#tree">
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
        <path d="M12 2l2.2 7.8L22 12l-7.8 2.2L12 22l-2.2-7.8L2 12l7.8-2.2z" fill="currentColor" />
      </svg>
      <span>North Star Lens</span>
    </a>
  );
}

export function App() {
  if (treeLoadState.value === 'loading' && !treeSnapshot.value) {
    return (
      <main class="loading" aria-busy="true">
        <p class="muted">Loading your workspace…</p>
      </main>
    );
  }
  if (treeLoadState.value === 'error' && !treeSnapshot.value) {
    return (
      <main class="loading">
        <p class="notice error" role="alert">
          {treeLoadError.value}
        </p>
      </main>
    );
  }
  const needsStart = trees.value.length === 0 || onboardingStep.value !== null;
  return (
    <div class="shell">
      <header class="topbar">
        <Brand />
        {trees.value.length > 0 && onboardingStep.value === null ? <TreeSwitcher /> : null}
      </header>
      {needsStart ? (
        <FirstRun />
      ) : (
        <div class="workspace">
          <nav class="sidenav" aria-label="Dashboard sections">
            <ul>
              {SECTIONS.map((s) => (
                <li key={s.id}>
                  <a
                    href={`#${s.id}`}
                    aria-current={section.value === s.id ? 'page' : undefined}
                    onClick={() => go(s.id)}
                  >
                    {s.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <main class="content" id="main">
            <Section />
          </main>
        </div>
      )}
    </div>
  );
}
