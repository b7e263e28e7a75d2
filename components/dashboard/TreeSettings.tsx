/** The tree's own name and game, saved on change. */
import { signal } from '@preact/signals';
import { GAMES, type Game } from '../../lib/domain/types';
import { request } from '../../lib/messaging/client';
import { tree } from '../../lib/state/workspace/tree';
import { GAME_LABELS } from '../common/labels';

const error = signal<string | null>(null);
const confirmingDelete = signal(false);

async function deleteTree(id: string): Promise<void> {
  try {
    error.value = null;
    await request({ type: 'tree.delete', id });
    confirmingDelete.value = false;
  } catch (e) {
    error.value = e instanceof Error ? e.message : String(e);
  }
}

async function save(patch: { name?: string; game?: Game | null }): Promise<void> {
  const current = tree.value;
  if (!current) return;
  try {
    error.value = null;
    await request({ type: 'tree.update', id: current.id, patch });
  } catch (e) {
    error.value = e instanceof Error ? e.message : String(e);
  }
}

export function TreeSettings() {
  const current = tree.value;
  if (!current) return null;
  return (
    <div class="tree-settings">
      <div class="field inline">
        <label for="tree-name">Tree name</label>
        <input
          id="tree-name"
          type="text"
          defaultValue={current.name}
          key={current.id + current.name}
          onChange={(e) => {
            const name = e.currentTarget.value.trim();
            if (name && name !== current.name) void save({ name });
          }}
        />
      </div>
      <div class="field inline">
        <label for="tree-game">Game</label>
        <select
          id="tree-game"
          value={current.game ?? ''}
          onChange={(e) => void save({ game: (e.currentTarget.value || null) as Game | null })}
        >
          <option value="">Not chosen</option>
          {GAMES.map((g) => (
            <option key={g} value={g}>
              {GAME_LABELS[g]}
            </option>
          ))}
        </select>
      </div>
      {confirmingDelete.value ? (
        <span class="confirm-inline" role="group" aria-label="Delete this tree?">
          <span class="small">Delete “{current.name}” with its metrics, items, values and reviews?</span>
          <button type="button" class="btn danger solid small" onClick={() => void deleteTree(current.id)}>
            Delete tree
          </button>
          <button type="button" class="btn small" onClick={() => (confirmingDelete.value = false)}>
            Keep
          </button>
        </span>
      ) : (
        <button type="button" class="btn quiet small" onClick={() => (confirmingDelete.value = true)}>
          Delete tree…
        </button>
      )}
      {error.value ? <p class="field-error">{error.value}</p> : null}
    </div>
  );
}
