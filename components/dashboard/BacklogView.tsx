/**
 * The ranked backlog: every item linked to an input metric, ordered by its impact on the
 * North Star, RICE editable in place with the rank moving as the user types; then the
 * items that serve no input metric, each with a way to link it.
 */
import { StatusOptions } from '../common/StatusOptions';
import { signal } from '@preact/signals';
import { useLayoutEffect } from 'preact/hooks';
import { SITE_IDS, type ItemStatus, type SiteId } from '../../lib/domain/types';
import {
  backlogRows,
  clearFilters,
  filterMetric,
  filterSite,
  filterStatus,
  filterText,
  filtersActive,
  sitesInUse,
  sortBy,
  SORTS,
  unlinkedRows,
  type SortId,
} from '../../lib/state/workspace/backlog';
import { inputMetrics, ranking, tree } from '../../lib/state/workspace/tree';
import { request } from '../../lib/messaging/client';
import { siteLabel } from '../../lib/sites/labels';
import { BacklogItemRow, takeRefocus, UnlinkedRow } from './BacklogRow';
import { CsvButton } from './CsvButton';
import { WindowedList } from '../common/WindowedList';

const newTitle = signal('');
const addError = signal<string | null>(null);

async function addItem(event: Event): Promise<void> {
  event.preventDefault();
  const current = tree.value;
  const title = newTitle.value.trim();
  if (!current || !title) return;
  try {
    addError.value = null;
    await request({
      type: 'item.create',
      treeId: current.id,
      title,
      links: [],
      inputMetricId: filterMetric.value === 'all' ? null : filterMetric.value,
    });
    newTitle.value = '';
  } catch (e) {
    addError.value = e instanceof Error ? e.message : String(e);
  }
}

function Filters() {
  const sites = sitesInUse.value;
  return (
    <div class="filters" role="search" aria-label="Filter the backlog">
      <div class="field">
        <label for="filter-text">Search</label>
        <input
          id="filter-text"
          type="search"
          placeholder="Title or ticket key"
          value={filterText.value}
          onInput={(e) => (filterText.value = e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="filter-metric">Input metric</label>
        <select
          id="filter-metric"
          value={filterMetric.value}
          onChange={(e) => (filterMetric.value = e.currentTarget.value)}
        >
          <option value="all">All input metrics</option>
          {inputMetrics.value.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-status">Status</label>
        <select
          id="filter-status"
          value={filterStatus.value}
          onChange={(e) => (filterStatus.value = e.currentTarget.value as ItemStatus | 'all')}
        >
          <option value="all">Any status</option>
          <StatusOptions />
        </select>
      </div>
      <div class="field">
        <label for="filter-site">Site</label>
        <select
          id="filter-site"
          value={filterSite.value}
          onChange={(e) => (filterSite.value = e.currentTarget.value as SiteId | 'all')}
        >
          <option value="all">Any site</option>
          {SITE_IDS.filter((s) => sites.includes(s)).map((s) => (
            <option key={s} value={s}>
              {siteLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="sort-by">Sort by</label>
        <select id="sort-by" value={sortBy.value} onChange={(e) => (sortBy.value = e.currentTarget.value as SortId)}>
          {SORTS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      {filtersActive.value ? (
        <button type="button" class="btn quiet small clear-filters" onClick={clearFilters}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}

export function BacklogView() {
  const rows = backlogRows.value;
  const unlinked = unlinkedRows.value;
  const r = ranking.value;
  const total = r.ranked.length + r.unscored.length + r.unlinked.length;
  // Re-sorting moves the row being edited; keep the caret where the user was typing.
  useLayoutEffect(() => takeRefocus());
  return (
    <div class="backlog">
      <div class="section-head">
        <div>
          <h2 id="backlog-heading">Backlog</h2>
          <p class="muted small">
            {total} items · {r.ranked.length} ranked · score = Reach × Impact × Leverage × Confidence ÷ Effort
          </p>
        </div>
        <CsvButton />
      </div>
      <form class="add-item" onSubmit={(e) => void addItem(e)}>
        <div class="field grow">
          <label for="new-item-title">New idea</label>
          <input
            id="new-item-title"
            type="text"
            placeholder="What would move the North Star?"
            value={newTitle.value}
            onInput={(e) => (newTitle.value = e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="btn primary" disabled={!newTitle.value.trim()}>
          Add idea
        </button>
        {addError.value ? <p class="field-error">{addError.value}</p> : null}
      </form>
      <Filters />
      <section aria-labelledby="ranked-heading" class="backlog-section">
        <h3 id="ranked-heading" class="visually-hidden">
          Ranked items
        </h3>
        <div class="backlog-head" aria-hidden="true">
          <span>Rank</span>
          <span>Item</span>
          <span>Moves</span>
          <span>Reach</span>
          <span>Impact</span>
          <span>Confidence</span>
          <span>Effort</span>
          <span class="num">Score</span>
        </div>
        {rows.length ? (
          <WindowedList
            tag="ol"
            class="backlog-list"
            aria-labelledby="backlog-heading"
            items={rows}
            keyOf={(row) => row.item.id}
          >
            {(row, place) => <BacklogItemRow key={row.item.id} row={row} place={place} />}
          </WindowedList>
        ) : (
          <p class="empty-row muted">
            {filtersActive.value
              ? 'No linked item matches these filters.'
              : 'No item is linked to an input metric yet.'}
          </p>
        )}
      </section>
      <section aria-labelledby="unlinked-heading" class="backlog-section unlinked">
        <h3 id="unlinked-heading">
          Not linked to an input metric <span class="pill">{unlinked.length}</span>
        </h3>
        <p class="muted small">
          These serve no path to the North Star, so they have no score. Link each to the input metric it moves, or
          question why it is here.
        </p>
        {unlinked.length ? (
          <WindowedList tag="ul" class="unlinked-list" items={unlinked} keyOf={(item) => item.id}>
            {(item, place) => <UnlinkedRow key={item.id} item={item} place={place} />}
          </WindowedList>
        ) : (
          <p class="empty-row muted">Every item serves an input metric.</p>
        )}
      </section>
    </div>
  );
}
