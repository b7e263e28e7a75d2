import { describe, expect, it } from 'vitest';
import { ImportStaging } from '../../lib/background/import-staging';
import { StorageError } from '../../lib/storage';

function staging(options: { kept?: number; maxAgeMs?: number } = {}) {
  let clock = 0;
  let next = 0;
  const kept = new ImportStaging<string>({ ...options, now: () => clock, newId: () => `id-${++next}` });
  return { kept, wait: (ms: number) => (clock += ms) };
}

function refusal(take: () => unknown): StorageError {
  try {
    take();
  } catch (failure) {
    if (failure instanceof StorageError) return failure;
    throw failure;
  }
  throw new Error('the import was not refused');
}

describe('imports kept between the preview and the import', () => {
  it('hands out what a preview kept, under the id the preview answered', () => {
    const { kept } = staging();
    const id = kept.stage('10,000 checked rows');
    expect(kept.take(id)).toBe('10,000 checked rows');
  });

  it('hands each kept input out once: a second import by the same id is told to send the rows', () => {
    const { kept } = staging();
    const id = kept.stage('rows');
    kept.take(id);
    const second = refusal(() => kept.take(id));
    expect(second.code).toBe('not-found');
    expect(second.path).toBe('staged');
    expect(second.message).toMatch(/expired/);
  });

  it('forgets a preview left open too long', () => {
    const { kept, wait } = staging({ maxAgeMs: 1000 });
    const old = kept.stage('old rows');
    wait(600);
    const recent = kept.stage('recent rows');
    wait(600);
    expect(refusal(() => kept.take(old)).path).toBe('staged');
    expect(kept.take(recent)).toBe('recent rows');
  });

  it('keeps only the newest previews, so large imports do not pile up in the worker', () => {
    const { kept } = staging({ kept: 2 });
    const first = kept.stage('first');
    const second = kept.stage('second');
    const third = kept.stage('third');
    expect(refusal(() => kept.take(first)).code).toBe('not-found');
    expect(kept.take(second)).toBe('second');
    expect(kept.take(third)).toBe('third');
  });

  it('refuses an id no preview gave', () => {
    expect(refusal(() => staging().kept.take('made-up')).code).toBe('not-found');
  });
});
