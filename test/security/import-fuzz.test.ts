import { beforeAll, describe, expect, it } from 'vitest';
import { StorageError, importWorkspace, previewImport, type LensDb } from '../../lib/storage';
import { freshDb, seedTree, storedData } from '../storage/fresh-db';
import { sampleWorkspace } from '../storage/sample-workspace';
import { toWorkspaceFile } from '../../lib/domain/workspace-file';
import { recordFigure } from './figures';
import { seededRandom } from './random';
import { MUTATION_KINDS, baseFile, brokenFile, type BrokenFile, type StoredIds } from './workspace-mutations';

/** Change the seed to explore; a failure names its case number, which replays it. */
const SEED = 0x5eed_2024;
const CASES = 1_200;

const OPERATIONS = [
  ['preview a replace', (db: LensDb, doc: unknown) => previewImport(db, doc, 'replace')],
  ['preview a merge', (db: LensDb, doc: unknown) => previewImport(db, doc, 'merge')],
  ['import replacing everything', (db: LensDb, doc: unknown) => importWorkspace(db, doc, 'replace')],
  ['import merging', (db: LensDb, doc: unknown) => importWorkspace(db, doc, 'merge')],
] as const;

let db: LensDb;
let stored: StoredIds;

beforeAll(async () => {
  db = await freshDb();
  const seeded = await seedTree(db);
  await importWorkspace(db, JSON.parse(JSON.stringify(toWorkspaceFile(sampleWorkspace(), new Date(0)))), 'merge');
  stored = { treeId: seeded.tree.id, inputId: seeded.input.id, nsmId: seeded.nsm.id, teamId: seeded.team.id };
});

async function refusal(operation: (db: LensDb, doc: unknown) => Promise<unknown>, doc: unknown): Promise<StorageError> {
  const outcome = await operation(db, doc).then(
    () => null,
    (failure: unknown) => failure,
  );
  if (!(outcome instanceof StorageError)) {
    throw new Error(
      outcome === null
        ? 'the file was accepted'
        : `it failed with something else than a clear error: ${String(outcome)}`,
    );
  }
  return outcome;
}

describe('importing malformed and mutated workspace files', () => {
  it('accepts the unmutated file the mutations start from, so each refusal is due to its mutation', async () => {
    const fresh = await freshDb();
    await expect(importWorkspace(fresh, baseFile(), 'replace')).resolves.toBeDefined();
    await expect(previewImport(db, baseFile(), 'merge')).resolves.toBeDefined();
  });

  it(`refuses each of ${CASES} broken files with a clear error, and leaves the stored data byte for byte as it was`, async () => {
    const rng = seededRandom(SEED);
    const before = JSON.stringify(await storedData(db));
    const byKind = Object.fromEntries(MUTATION_KINDS.map((kind) => [kind, 0])) as Record<BrokenFile['kind'], number>;
    let refusals = 0;

    for (let n = 0; n < CASES; n++) {
      const broken = brokenFile(rng, n, stored);
      for (const [name, operation] of OPERATIONS) {
        const label = `case ${n} (${broken.what}), ${name}`;
        const error = await refusal(operation, broken.document).catch((e: Error) => {
          throw new Error(`${label}: ${e.message}`);
        });
        expect(error.code, label).toBe('invalid');
        expect(error.message.length, label).toBeGreaterThan(8);
        expect(error.message.length, `${label}: a message a person can read, not the whole bad value`).toBeLessThan(
          400,
        );
        expect(error.message, label).not.toMatch(/\[object Object\]|undefined|NaN:/);
        if (error.path)
          expect(error.message.startsWith(`${error.path}: `), `${label}: the message names the field`).toBe(true);
        refusals += 1;
      }
      byKind[broken.kind] += 1;
      const after = JSON.stringify(await storedData(db));
      if (after !== before) throw new Error(`case ${n} (${broken.what}) changed the stored data`);
    }

    expect(Object.values(byKind).every((count) => count > 0)).toBe(true);
    recordFigure('import fuzz: broken files', CASES);
    recordFigure('import fuzz: refusals (preview and import, both modes)', refusals);
    recordFigure('import fuzz: files by kind of damage', byKind);
  }, 120_000);

  it('lets no key of a file reach the prototype of every object', () => {
    const probe = {} as Record<string, unknown>;
    expect(probe.polluted).toBeUndefined();
    expect(probe.isAdmin).toBeUndefined();
    expect(typeof probe.toString).toBe('function');
  });

  it('accepts a good file that an editor saved with a byte-order mark', async () => {
    const fresh = await freshDb();
    await expect(
      importWorkspace(fresh, `\uFEFF${JSON.stringify(baseFile(), null, 2)}`, 'replace'),
    ).resolves.toBeDefined();
  });

  it('still imports a good file after all of that', async () => {
    const summary = await importWorkspace(db, baseFile(), 'merge');
    expect(summary.added.trees).toBe(2);
    const data = await storedData(db);
    expect(data.trees.map((t) => t.id)).toEqual(expect.arrayContaining(['f-t1', 'f-t2', 't1', stored.treeId]));
  });
});
