/**
 * What the collapsed pill says: the essential thing about this page, before anyone opens
 * the panel. Derived from the page state and the live score (drafts included), so it
 * moves as the user types in the panel.
 */
import { computed } from '@preact/signals-core';
import { formatScore } from '../../domain/format';
import { riceScoreOnly } from '../../domain/rice';
import { panelDrafts } from './panel-drafts';
import { chartMetric, entity, expanded, hasTree, inputLink, item, pageLoadState } from './page';
import { panelCode } from './panel-code';

export type PillTone = 'linked' | 'unlinked' | 'muted';

/** The stored estimate's score, until the open panel's drafts take over. */
const storedScore = computed(() => {
  const current = item.value;
  const link = inputLink.value;
  return current && link ? riceScoreOnly(current.rice, link.leverage) : null;
});

export const pillText = computed<{ text: string; tone: PillTone }>(() => {
  if (panelCode.value === 'failed')
    return { text: 'North Star Lens could not open its panel: try again', tone: 'muted' };
  if (pageLoadState.value === 'error') return { text: 'North Star Lens: not available', tone: 'muted' };
  if (pageLoadState.value !== 'ready') return { text: 'North Star…', tone: 'muted' };
  if (!hasTree.value) return { text: 'Set up your North Star', tone: 'muted' };
  if (entity.value?.kind === 'analytics') {
    const metric = chartMetric.value;
    return metric
      ? { text: `Measures ${metric.name}`, tone: 'linked' }
      : { text: 'Chart not linked to a metric', tone: 'unlinked' };
  }
  if (!item.value) return { text: 'Not tracked · no path to the NSM', tone: 'unlinked' };
  const link = inputLink.value;
  if (!link) return { text: 'Not linked to the NSM', tone: 'unlinked' };
  const live = panelDrafts.value?.liveScore.value;
  const score = live === undefined ? storedScore.value : live?.ok ? live.score : null;
  return { text: `${link.input.name} · ${score === null ? 'unscored' : formatScore(score)}`, tone: 'linked' };
});

/** The pill gives way to the panel once the panel's code is there to show it. */
export const pillHidden = computed(() => !entity.value || (expanded.value && panelCode.value === 'ready'));
