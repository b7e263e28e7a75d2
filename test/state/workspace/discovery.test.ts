import { afterEach, describe, expect, it } from 'vitest';
import type { NsmWorksheet } from '../../../lib/domain/loop-types';
import {
  typedCandidates,
  typedCoaching,
  typedValueEvents,
  typedWorksheet,
  worksheetEdits,
  worksheetFieldProblem,
} from '../../../lib/state/workspace/discovery';
import { treeLoop } from '../../../lib/state/workspace/loop';

const WORKSHEET: NsmWorksheet = {
  id: 'w',
  treeId: 't',
  valueEvents: [
    { id: 'e1', text: 'A guest checks in', ratings: { frequency: 2, measurability: 2, growthCorrelation: 2 } },
    { id: 'e2', text: 'A search fits', ratings: { frequency: 3, measurability: 3, growthCorrelation: 3 } },
  ],
  candidates: [
    {
      id: 'c1',
      name: 'Nights booked',
      definition: '',
      unit: 'nights',
      period: 'week',
      category: null,
      valueEventIds: ['e1'],
      teams: ['Hosts', 'Guests', 'Trips'],
      scores: {
        customerValue: null,
        leadsGrowth: null,
        reflectsStrategy: null,
        expressesValue: null,
        representsStrategy: null,
        leadingIndicator: null,
        actionable: null,
        understandable: null,
        measurable: null,
      },
    },
  ],
  chosenCandidateId: null,
  updatedAt: 1,
};

function show(worksheet: NsmWorksheet): void {
  treeLoop.value = { worksheet, keyResults: [], thresholds: [], shipments: [], experiments: [], reviewNotes: [] };
}

afterEach(() => {
  worksheetEdits.forget();
  treeLoop.value = null;
});

describe('a typed rating or score', () => {
  it('may be blank (not rated yet) or a whole number from 1 to 5', () => {
    expect(worksheetFieldProblem('frequency', '')).toBeNull();
    expect(worksheetFieldProblem('frequency', '4')).toBeNull();
    expect(worksheetFieldProblem('customerValue', '1')).toBeNull();
  });

  it('is refused with the reason when it is not', () => {
    expect(worksheetFieldProblem('growthCorrelation', '7')).toMatch(/whole number from 1 .* to 5/);
    expect(worksheetFieldProblem('measurable', '2.5')).toMatch(/whole number/);
    expect(worksheetFieldProblem('actionable', 'high')).toMatch(/whole number/);
  });

  it('limits the teams a candidate names', () => {
    expect(worksheetFieldProblem('teams', Array.from({ length: 31 }, (_, i) => `T${i}`).join(', '))).toMatch(/30/);
  });
});

describe('the worksheet as typed', () => {
  it('re-ranks value events as a rating is typed, before anything is stored', () => {
    show(WORKSHEET);
    expect(typedValueEvents.value.map((r) => r.event.id)).toEqual(['e2', 'e1']);
    worksheetEdits.edit('e1', 'growthCorrelation', '5');
    worksheetEdits.edit('e1', 'measurability', '5');
    expect(typedValueEvents.value.map((r) => r.event.id)).toEqual(['e1', 'e2']);
  });

  it('keeps the stored rating while the typed one is impossible', () => {
    show(WORKSHEET);
    worksheetEdits.edit('e1', 'frequency', '9');
    expect(worksheetEdits.errorOf('e1', 'frequency')).toMatch(/whole number/);
    expect(typedWorksheet.value.valueEvents[0]?.ratings.frequency).toBe(2);
  });

  it('coaches the candidate on the name as typed: a vague name is flagged, a precise one clears it', () => {
    show(WORKSHEET);
    expect(typedCoaching.value.get('c1')).toEqual([]);
    worksheetEdits.edit('c1', 'name', 'Users');
    expect(typedCoaching.value.get('c1')?.map((f) => f.id)).toContain('not-quantifiable');
    worksheetEdits.edit('c1', 'name', 'Guests who complete a booked stay');
    expect(typedCoaching.value.get('c1')?.map((f) => f.id)).not.toContain('not-quantifiable');
    worksheetEdits.edit('c1', 'teams', 'Hosts');
    expect(typedCoaching.value.get('c1')?.map((f) => f.id)).toContain('one-team');
  });

  it('ranks a candidate only once every criterion is scored', () => {
    show(WORKSHEET);
    expect(typedCandidates.value[0]?.rank).toBeNull();
    for (const k of Object.keys(WORKSHEET.candidates[0]!.scores)) worksheetEdits.edit('c1', k as 'actionable', '4');
    expect(typedCandidates.value[0]).toMatchObject({ rank: 1, core: 4, playbook: 4 });
  });
});

describe('without a worksheet', () => {
  it('shows an empty one', () => {
    expect(typedWorksheet.value).toEqual({ valueEvents: [], candidates: [] });
    expect(typedValueEvents.value).toEqual([]);
  });
});
