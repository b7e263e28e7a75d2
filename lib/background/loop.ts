/** The team loop's handlers (requests in lib/messaging/requests/loop.ts), each one storage call, one transaction. */
import type { LOOP_REQUESTS } from '../messaging/requests/loop';
import * as store from '../storage';
import type { Handler } from './handler-table';

type LoopRequestType = keyof typeof LOOP_REQUESTS;

export const LOOP_HANDLERS: { [T in LoopRequestType]: Handler<T> } = {
  'loop.get': (req, { db }) => store.readTreeLoop(db, req.treeId),
  'worksheet.save': (req, { db }) =>
    store.saveWorksheet(db, { treeId: req.treeId, valueEvents: req.valueEvents, candidates: req.candidates }),
  'worksheet.choose': (req, { db }) => store.chooseCandidate(db, req.treeId, req.candidateId),
  'keyResult.create': (req, { db }) => {
    const { type: _type, ...fields } = req;
    return store.createKeyResult(db, fields);
  },
  'keyResult.update': (req, { db }) => store.updateKeyResult(db, req.id, req.patch),
  'keyResult.delete': async (req, { db }) => {
    await store.deleteKeyResult(db, req.id);
    return null;
  },
  'thresholds.set': (req, { db }) => store.setThresholds(db, req.metricId, req.rule),
  'shipment.set': (req, { db }) => store.setShipDate(db, req.itemId, req.at),
  'experiment.create': (req, { db }) =>
    store.createExperiment(db, {
      ...req.fields,
      treeId: req.treeId,
      title: req.title,
      hypothesis: req.hypothesis,
      inputMetricId: req.inputMetricId,
      startedAt: req.startedAt,
    }),
  'experiment.update': (req, { db }) => store.updateExperiment(db, req.id, req.patch),
  'experiment.delete': async (req, { db }) => {
    await store.deleteExperiment(db, req.id);
    return null;
  },
  'reviewNote.set': (req, { db }) => store.setReviewNote(db, req.treeId, req.week, req.date, req.text),
};
