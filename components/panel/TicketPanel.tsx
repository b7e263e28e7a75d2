/** The expanded panel on a ticket page: the path to the NSM, RICE with live score and rank, status and notes. */
import { StatusOptions } from '../common/StatusOptions';
import { useSignal } from '@preact/signals';
import { formatScore } from '../../lib/domain/format';
import type { ItemStatus } from '../../lib/domain/types';
import {
  editField,
  fieldErrors,
  fieldText,
  itemEdits,
  liveRank,
  liveScore,
  saveChoice,
  saveError,
  saveState,
} from '../../lib/state/page/item-editor';
import {
  entity,
  inputLink,
  item,
  pageContext,
  pageNsm,
  pageTaggableMetrics,
  pageMetrics,
} from '../../lib/state/page/page';
import { itemMarkText } from '../../lib/state/page/item-marks';
import { trackThisPage } from '../../lib/state/page/page-actions';
import { RiceFields } from '../rice/RiceFields';
import { MetricPicker } from './MetricPicker';

export function TicketPanel() {
  const current = item.value;
  if (!current) return <TrackPrompt />;
  const link = inputLink.value;
  const score = liveScore.value;
  const rank = liveRank.value;
  const parentName = (id: string | null) => pageMetrics.value.find((m) => m.id === id)?.name;

  return (
    <div class="ticket">
      <section class="path" aria-label="Path to the North Star">
        <MetricPicker
          id="nsl-input-metric"
          label="Moves input metric"
          metrics={pageTaggableMetrics.value}
          selectedId={current.inputMetricId}
          allowNone
          describe={(m) =>
            m.role === 'team' ? `team metric · under ${parentName(m.parentId) ?? '?'}` : m.ownerTeam || 'no owner yet'
          }
          onPick={(metricId) => void saveChoice({ inputMetricId: metricId })}
        />
        {link ? (
          <p class="path-line" data-testid="path">
            <span class="chip">{link.metric.name}</span>
            {link.metric !== link.input && (
              <>
                <span aria-hidden="true">→</span>
                <span class="chip">{link.input.name}</span>
              </>
            )}
            <span aria-hidden="true">→</span>
            <span class="chip chip-nsm">★ {pageNsm.value?.name ?? 'no North Star defined'}</span>
          </p>
        ) : (
          <p class="path-line unlinked" data-testid="path">
            Not linked: this work serves no input metric, so it has no path to the North Star.
          </p>
        )}
        {itemMarkText.value ? (
          <p class="item-mark" data-testid="item-mark">
            {itemMarkText.value}
          </p>
        ) : null}
        {link && pageContext.value?.keyResultLine ? (
          <p class="kr-line" data-testid="key-result">
            {pageContext.value.keyResultLine}
          </p>
        ) : null}
      </section>

      <section class="score" aria-live="polite" data-testid="score">
        {score === null ? (
          <p class="muted">Link an input metric to score this against the North Star.</p>
        ) : score.ok ? (
          <>
            <span class="score-value">{formatScore(score.score)}</span>
            <span class="score-label">
              RICE × leverage
              {rank && (
                <>
                  {' '}
                  · rank <strong>#{rank.rank}</strong> of {rank.of}
                </>
              )}
            </span>
          </>
        ) : (
          <p class="muted">{score.message}.</p>
        )}
      </section>

      <RiceFields
        idPrefix="nsl-rice"
        text={{
          reach: fieldText('reach'),
          impact: fieldText('impact'),
          confidence: fieldText('confidence'),
          effort: fieldText('effort'),
        }}
        errors={fieldErrors.value}
        onInput={editField}
        onCommit={() => void itemEdits.flush()}
      />

      <div class="row">
        <label for="nsl-status">Status</label>
        <select
          id="nsl-status"
          value={current.status}
          onChange={(e) => void saveChoice({ status: e.currentTarget.value as ItemStatus })}
        >
          <StatusOptions />
        </select>
      </div>
      <div class="stack">
        <label for="nsl-notes">Notes</label>
        <textarea
          id="nsl-notes"
          rows={3}
          value={fieldText('notes')}
          onInput={(e) => editField('notes', e.currentTarget.value)}
          onBlur={() => void itemEdits.flush()}
        />
      </div>
      <SaveStatus />
    </div>
  );
}

function SaveStatus() {
  const state = saveState.value;
  return (
    <p class={`save-status save-${state}`} role="status" data-testid="save-status">
      {state === 'saved' && 'All changes saved'}
      {state === 'pending' && 'Editing…'}
      {state === 'saving' && 'Saving…'}
      {state === 'failed' && (saveError.value ?? 'Not saved: fix the field marked above')}
      {state === 'failed' && saveError.value && (
        <button type="button" class="link" onClick={() => void itemEdits.flush()}>
          Retry
        </button>
      )}
    </p>
  );
}

function TrackPrompt() {
  const busy = useSignal(false);
  const failure = useSignal<string | null>(null);
  return (
    <div class="track">
      <p>
        <strong>{entity.value?.key}</strong> is not in your North Star backlog yet.
      </p>
      <button
        type="button"
        class="primary"
        disabled={busy.value}
        onClick={async () => {
          busy.value = true;
          failure.value = null;
          try {
            await trackThisPage();
          } catch (e) {
            failure.value = e instanceof Error ? e.message : String(e);
          } finally {
            busy.value = false;
          }
        }}
      >
        Track this ticket
      </button>
      {failure.value && (
        <p class="field-error" role="alert">
          {failure.value}
        </p>
      )}
    </div>
  );
}
