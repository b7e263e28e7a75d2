/** One backlog item: rank, title with its ticket links, what it moves, RICE in place, score. */
import { StatusOptions } from '../common/StatusOptions';
import { signal, useSignal } from '@preact/signals';
import { formatScore } from '../../lib/domain/format';
import { markText } from '../../lib/domain/sharing/share-text';
import { RICE_INPUT_FIELDS, riceFieldText, type RiceInputField } from '../../lib/domain/rice-text';
import type { Item, ItemStatus } from '../../lib/domain/types';
import { request } from '../../lib/messaging/client';
import type { BacklogRow } from '../../lib/state/workspace/backlog';
import { clock, itemMarks } from '../../lib/state/workspace/share';
import { riceEdits, treeTaggableMetrics } from '../../lib/state/workspace/tree';
import { siteLabel } from '../../lib/sites/labels';
import { RiceFields } from '../rice/RiceFields';
import type { RowPlace } from '../common/WindowedList';
import { listedOptions } from '../common/listed-options';

interface Refocus {
  id: string;
  start: number | null;
  end: number | null;
}

let pendingRefocus: Refocus | null = null;

/** Called after each render of the list: puts the caret back if a re-sort moved its field. */
export function takeRefocus(): void {
  const wanted = pendingRefocus;
  pendingRefocus = null;
  if (!wanted) return;
  const element = document.getElementById(wanted.id);
  if (!(element instanceof HTMLInputElement) || document.activeElement === element) return;
  element.focus({ preventScroll: false });
  if (wanted.start !== null) element.setSelectionRange(wanted.start, wanted.end);
}

const rowErrors = signal<ReadonlyMap<string, string>>(new Map());
const confirmingDelete = signal<string | null>(null);

async function update(item: Item, patch: Parameters<typeof request<'item.update'>>[0]['patch']): Promise<void> {
  const next = new Map(rowErrors.value);
  try {
    await request({ type: 'item.update', id: item.id, patch });
    next.delete(item.id);
  } catch (e) {
    next.set(item.id, e instanceof Error ? e.message : String(e));
  }
  rowErrors.value = next;
}

async function remove(item: Item): Promise<void> {
  try {
    await request({ type: 'item.delete', id: item.id });
  } catch (e) {
    rowErrors.value = new Map(rowErrors.value).set(item.id, e instanceof Error ? e.message : String(e));
  }
}

const NOT_LINKED = { id: '', name: 'Not linked', role: 'input' };

/** `reached` false: only the chosen option, as a row of the list not yet reached lists (see listed-options.ts). */
export function MetricSelect({ item, label, reached = true }: { item: Item; label: string; reached?: boolean }) {
  const id = `item-${item.id}-metric`;
  const chosen = item.inputMetricId ?? '';
  return (
    <div class="field cell-metric">
      <label for={id} class="visually-hidden">
        {label}
      </label>
      <select
        id={id}
        value={item.inputMetricId ?? ''}
        onChange={(e) => void update(item, { inputMetricId: e.currentTarget.value || null })}
      >
        {listedOptions([NOT_LINKED, ...treeTaggableMetrics.value], reached, (m) => m.id === chosen).map((m) => (
          <option key={m.id} value={m.id}>
            {m.role === 'team' ? `  ↳ ${m.name}` : m.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function StatusSelect({ item, reached }: { item: Item; reached: boolean }) {
  const id = `item-${item.id}-status`;
  return (
    <span class="status-select">
      <label for={id} class="visually-hidden">
        Status of {item.title}
      </label>
      <select
        id={id}
        class="compact"
        value={item.status}
        onChange={(e) => void update(item, { status: e.currentTarget.value as ItemStatus })}
      >
        <StatusOptions only={reached ? undefined : item.status} />
      </select>
    </span>
  );
}

/** Only web addresses become links: a stored `javascript:` or `data:` URL is never clickable. */
function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

function ItemLinks({ item }: { item: Item }) {
  const links = item.links.filter((l) => isWebUrl(l.url));
  if (!links.length) return null;
  return (
    <span class="item-links">
      {links.map((l) => (
        <a key={l.site + l.key} href={l.url} target="_blank" rel="noopener noreferrer" class="ticket-link">
          <span class="visually-hidden">Open in {siteLabel(l.site)}: </span>
          {l.site === 'web' ? new URL(l.url).hostname : l.key}
        </a>
      ))}
    </span>
  );
}

function DeleteItem({ item }: { item: Item }) {
  if (confirmingDelete.value === item.id) {
    return (
      <span class="confirm-inline">
        <button type="button" class="btn danger solid small" onClick={() => void remove(item)}>
          Delete “{item.title}”
        </button>
        <button type="button" class="btn small" onClick={() => (confirmingDelete.value = null)}>
          Keep
        </button>
      </span>
    );
  }
  return (
    <button type="button" class="btn quiet small" onClick={() => (confirmingDelete.value = item.id)}>
      Delete<span class="visually-hidden"> {item.title}</span>
    </button>
  );
}

function riceText(item: Item): Record<RiceInputField, string> {
  const text = {} as Record<RiceInputField, string>;
  for (const field of RICE_INPUT_FIELDS) {
    // The draft is shown as typed; the stored value behind it would be stale.
    const stored = riceEdits.draftOf(item.id, field);
    text[field] = stored ?? riceFieldText(field, item.rice[field]);
  }
  return text;
}

function riceErrors(itemId: string): Partial<Record<RiceInputField, string>> {
  return riceEdits.errors.value.get(itemId) ?? {};
}

/** In a shared tree: who tagged the item (or last changed it) and when. */
function ItemMark({ id }: { id: string }) {
  const marks = itemMarks.value[id];
  if (!marks) return null;
  const text = marks.tagged
    ? markText('tagged', marks.tagged, clock.value)
    : markText('changed', marks.changed, clock.value);
  return <span class="item-mark">{text}</span>;
}

/** The item's title with its status, links back to the tickets, delete, and the last failure. */
function TitleCell({ item, failure, reached }: { item: Item; failure: string | undefined; reached: boolean }) {
  return (
    <div class="cell-title">
      <span class="item-title">{item.title}</span>
      <ItemMark id={item.id} />
      <span class="item-meta">
        <StatusSelect item={item} reached={reached} />
        <ItemLinks item={item} />
        <DeleteItem item={item} />
      </span>
      {failure ? (
        <p class="field-error" role="alert">
          {failure}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Whether the user has reached the row (a focus or a pointer press inside it): until then
 * its selects list only their chosen option. The handlers go on the row's `<li>`; the
 * options come with the re-render in the same task, before the key or the popup.
 */
function useReached() {
  const reached = useSignal(false);
  const reach = () => {
    reached.value = true;
  };
  return { reached: reached.value, handlers: { onFocusIn: reach, onPointerDown: reach } };
}

export function BacklogItemRow({ row, place }: { row: BacklogRow; place: RowPlace }) {
  const { item } = row;
  const idPrefix = `item-${item.id}`;
  const failure = rowErrors.value.get(item.id) ?? riceEdits.failures.value.get(item.id);
  const { reached, handlers } = useReached();
  return (
    <li class={`backlog-row ${row.kind}`} data-item-id={item.id} aria-label={item.title} {...place} {...handlers}>
      {/* The label for assistive technology sits beside the cell (out of the grid's flow), so the cell shows only "#1". */}
      <span class="visually-hidden">{row.kind === 'ranked' ? `Rank ${row.rank}` : 'Not ranked'}</span>
      <span class="cell-rank" aria-hidden="true">
        {row.kind === 'ranked' ? `#${row.rank}` : '—'}
      </span>
      <TitleCell item={item} failure={failure} reached={reached} />
      <MetricSelect item={item} label={`Input metric ${item.title} moves`} reached={reached} />
      <RiceFields
        idPrefix={idPrefix}
        allOptions={reached}
        text={riceText(item)}
        errors={riceErrors(item.id)}
        onInput={(field, text) => {
          const element = document.getElementById(`${idPrefix}-${field}`) as HTMLInputElement | null;
          pendingRefocus = {
            id: `${idPrefix}-${field}`,
            start: element?.selectionStart ?? null,
            end: element?.selectionEnd ?? null,
          };
          riceEdits.edit(item.id, field, text);
        }}
        onCommit={() => void riceEdits.flush(item.id)}
      />
      <span class="cell-score num">
        {row.kind === 'ranked' ? (
          <>
            <span class="visually-hidden">Score </span>
            <strong class="score">{formatScore(row.score)}</strong>
          </>
        ) : (
          <span class="unscored-reason small muted">{row.problem.message}</span>
        )}
      </span>
    </li>
  );
}

export function UnlinkedRow({ item, place }: { item: Item; place: RowPlace }) {
  const failure = rowErrors.value.get(item.id);
  const { reached, handlers } = useReached();
  return (
    <li class="unlinked-row" data-item-id={item.id} {...place} {...handlers}>
      <TitleCell item={item} failure={failure} reached={reached} />
      <MetricSelect item={item} label={`Link ${item.title} to an input metric`} reached={reached} />
    </li>
  );
}
