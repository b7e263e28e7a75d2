/**
 * The request table's guarantees are the compiler's: each `@ts-expect-error` below fails
 * `npx tsc --noEmit` ("unused directive") the day the mistake it shows would compile. The
 * runtime checks only confirm what the table derives.
 */
import { describe, expect, it } from 'vitest';
import { HANDLERS, type HandlerTable } from '../../lib/background/handler-table';
import { declareRequests, mayWrite, REQUEST_FAMILIES, REQUESTS, typed } from '../../lib/messaging/requests';

describe('declaring a request', () => {
  it('is refused without whether a client may resend it', () => {
    declareRequests({
      // @ts-expect-error `resendable` is missing
      'probe.get': { fields: {}, answer: typed<null>(), changes: [] },
    });
  });

  it('is refused without the parts of the workspace it changes, its answer or its fields', () => {
    declareRequests({
      // @ts-expect-error `changes` is missing
      'probe.a': { fields: {}, answer: typed<null>(), resendable: true },
      // @ts-expect-error `answer` is missing
      'probe.b': { fields: {}, changes: [], resendable: true },
      // @ts-expect-error `fields` is missing
      'probe.c': { answer: typed<null>(), changes: [], resendable: true },
    });
  });

  it('is refused when a change names something that is not a part of the workspace', () => {
    declareRequests({
      // @ts-expect-error `itemChunks` is a database store, not a part of the workspace
      'probe.d': { fields: {}, answer: typed<null>(), changes: ['itemChunks'], resendable: true },
    });
  });
});

describe('the background handler table', () => {
  it('must have a handler for every declared request', () => {
    const { 'tree.create': _dropped, ...rest } = HANDLERS;
    // @ts-expect-error no handler for `tree.create`
    const table: HandlerTable = rest;
    expect(Object.keys(table)).not.toContain('tree.create');
  });

  it('must not have a handler for an undeclared request', () => {
    const table: HandlerTable = {
      ...HANDLERS,
      // @ts-expect-error `probe.get` is not declared in lib/messaging/requests.ts
      'probe.get': async () => null,
    };
    expect(table).toBeDefined();
  });

  it('holds exactly the declared requests but panel.load, which needs the sending tab', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual(
      Object.keys(REQUESTS)
        .filter((type) => type !== 'panel.load')
        .sort(),
    );
  });
});

describe('what the table derives', () => {
  it('says a request may write exactly when its change notice names something', () => {
    expect(mayWrite('item.update')).toBe(true);
    expect(mayWrite('workspace.clear')).toBe(true);
    expect(mayWrite('snapshot.get')).toBe(false);
    expect(mayWrite('dashboard.open')).toBe(false);
  });

  it('takes each request from exactly one family, so a later family never hides an earlier one', () => {
    const declared = Object.values(REQUEST_FAMILIES).flatMap((family) => Object.keys(family));
    expect(new Set(declared).size).toBe(declared.length);
    expect(Object.keys(REQUESTS).sort()).toEqual([...declared].sort());
  });
});
