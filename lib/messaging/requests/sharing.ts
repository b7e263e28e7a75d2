/**
 * Requests about shared trees (docs/sharing.md): start sharing a tree to a WebDAV file,
 * join one as an editor or subscribe to it as a reader, sync, leave, and what the views
 * show (the status line, who changed each item). The credentials travel in 'share.start'
 * and 'share.join' only, from the dashboard to the background, and never come back:
 * every answer is a ShareStatus.
 */
import * as v from 'valibot';
import type { ItemMarks, ShareOutcome, ShareStatus } from '../../domain/sharing/share-record';
import { DisplayNameSchema, IdSchema } from '../../domain/schemas';
import type { Id } from '../../domain/types';
import { declareRequests, typed } from '../declare';

const AddressSchema = v.pipe(v.string(), v.trim(), v.minLength(1, 'is required'), v.maxLength(2048));
const SecretSchema = v.pipe(v.string(), v.minLength(1, 'is required'), v.maxLength(4096));

export const CredentialsSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('none') }),
  v.strictObject({
    kind: v.literal('password'),
    user: v.pipe(v.string(), v.minLength(1, 'is required'), v.maxLength(256)),
    password: SecretSchema,
  }),
  v.strictObject({ kind: v.literal('token'), token: SecretSchema }),
]);

const SHARED_PARTS = ['trees', 'metrics', 'items', 'settings'] as const;

export const SHARING_REQUESTS = declareRequests({
  // Not resendable: a second send would find the tree shared already and say so.
  'share.start': {
    fields: { treeId: IdSchema, url: AddressSchema, credentials: CredentialsSchema, displayName: DisplayNameSchema },
    answer: typed<ShareOutcome>(),
    changes: SHARED_PARTS,
    resendable: false,
  },
  // An editor's join; a reader's subscription is `mode: 'reader'` (credentials `none` when public).
  'share.join': {
    fields: {
      url: AddressSchema,
      credentials: CredentialsSchema,
      displayName: DisplayNameSchema,
      mode: v.picklist(['editor', 'reader']),
    },
    answer: typed<ShareOutcome>(),
    changes: SHARED_PARTS,
    resendable: false,
  },
  'share.leave': {
    fields: { treeId: IdSchema },
    answer: typed<null>(),
    changes: ['trees'],
    resendable: true,
  },
  'share.syncNow': {
    fields: { treeId: IdSchema },
    answer: typed<ShareOutcome>(),
    changes: SHARED_PARTS,
    resendable: true,
  },
  // The person's one name, kept in the settings and given to every share (published with each one's next sync).
  'share.setDisplayName': {
    fields: { name: DisplayNameSchema },
    answer: typed<ShareStatus[]>(),
    changes: ['trees', 'settings'],
    resendable: true,
  },
  // A read; opening the dashboard sends it, which also pulls the files (at most once a minute).
  'share.status': {
    fields: {},
    answer: typed<ShareStatus[]>(),
    changes: [],
    resendable: true,
  },
  'share.marks': {
    fields: { treeId: IdSchema },
    answer: typed<Record<Id, ItemMarks>>(),
    changes: [],
    resendable: true,
  },
  // The open panel's item only (null: its tree is not shared), so a ticket page never reads the others'.
  'share.itemMarks': {
    fields: { treeId: IdSchema, itemId: IdSchema },
    answer: typed<ItemMarks | null>(),
    changes: [],
    resendable: true,
  },
});
