/**
 * Shared trees as the dashboard sees them: each share's status (never its credentials),
 * who changed each item of the active tree, the share and join forms as typed, and the
 * actions. The host's permission is asked for in the click itself (a browser prompt
 * needs the user's gesture): without it the background's requests to the server would
 * be refused by CORS.
 */
import { computed, effect, signal } from '@preact/signals-core';
import { browser } from 'wxt/browser';
import type { CredentialsKind, ItemMarks, ShareOutcome, ShareStatus } from '../../domain/sharing/share-record';
import type { Id } from '../../domain/types';
import { onWorkspaceChange, request } from '../../messaging/client';
import { settings, treeSnapshot } from './tree';

export const shareStatuses = signal<ShareStatus[]>([]);
export const itemMarks = signal<Record<Id, ItemMarks>>({});
/** Ticks each minute, so "3 min ago" moves on. */
export const clock = signal(Date.now());

export const activeShare = computed(() => {
  const treeId = treeSnapshot.value?.tree?.id;
  return shareStatuses.value.find((status) => status.treeId === treeId) ?? null;
});

export type ShareFormMode = 'share' | 'editor' | 'reader';

/** The form as typed; the secret is sent once with the request and then cleared. */
export const shareForm = {
  url: signal(''),
  kind: signal<CredentialsKind>('none'),
  user: signal(''),
  secret: signal(''),
  /** The name as typed; null until the person types, so the field shows the stored name. */
  displayName: signal<string | null>(null),
};

/**
 * The person's name in every share, set once: the settings keep it since this version; a
 * share started before then still knows the name it was started under.
 */
export const personName = computed(
  () => settings.value?.displayName ?? shareStatuses.value.find((s) => s.mode === 'editor')?.displayName ?? '',
);
export const nameText = computed(() => shareForm.displayName.value ?? personName.value);
export const shareBusy = signal(false);
export const shareError = signal<string | null>(null);
export const shareNotice = signal<string | null>(null);

export async function loadShares(): Promise<void> {
  try {
    shareStatuses.value = await request({ type: 'share.status' });
  } catch {
    // The tree view shows the extension's failures already; the status line waits for the next notice.
  }
}

async function loadMarks(treeId: Id | undefined): Promise<void> {
  try {
    itemMarks.value = treeId ? await request({ type: 'share.marks', treeId }) : {};
  } catch {
    itemMarks.value = {};
  }
}

/** Loads now, after every change notice, and whenever the active tree or its share changes. */
export function startShareSync(): () => void {
  void loadShares();
  const timer = setInterval(() => (clock.value = Date.now()), 60_000);
  const stop = onWorkspaceChange(() => void loadShares());
  // Re-read with each status too: a sync that changed items changed who changed them.
  const stopMarks = effect(() => void loadMarks(activeShare.value?.treeId));
  return () => {
    clearInterval(timer);
    stop();
    stopMarks();
  };
}

function credentials() {
  const kind = shareForm.kind.value;
  if (kind === 'password') return { kind, user: shareForm.user.value.trim(), password: shareForm.secret.value };
  if (kind === 'token') return { kind, token: shareForm.secret.value.trim() };
  return { kind: 'none' as const };
}

/** The permission pattern for the file's host, or why the address cannot be used. */
export function hostPattern(url: string): { ok: true; pattern: string } | { ok: false; message: string } {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return { ok: false, message: 'Enter the full address of the file, starting with https://' };
  }
  const loopback = parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1';
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
    return { ok: false, message: 'The address of the shared file must start with https://' };
  }
  return { ok: true, pattern: `${parsed.protocol}//${parsed.hostname}/*` };
}

/**
 * Starts sharing the active tree ('share'), joins a file as an editor or subscribes as a
 * reader. Called from the click: the permission prompt comes before any await.
 */
export function submitShare(mode: ShareFormMode): Promise<void> {
  shareError.value = null;
  shareNotice.value = null;
  const url = shareForm.url.value.trim();
  const host = hostPattern(url);
  if (!host.ok) {
    shareError.value = host.message;
    return Promise.resolve();
  }
  // A reader never publishes, so nobody sees its name: it need not choose one.
  const displayName = nameText.value.trim() || (mode === 'reader' ? 'Reviewer' : '');
  if (!displayName) {
    shareError.value = 'Enter your name: others see it beside your changes.';
    return Promise.resolve();
  }
  const treeId = treeSnapshot.value?.tree?.id;
  shareBusy.value = true;
  return browser.permissions
    .request({ origins: [host.pattern] })
    .then(async (granted) => {
      if (!granted) {
        shareError.value = 'The browser did not grant access to that server, so nothing was shared.';
        return;
      }
      const outcome: ShareOutcome =
        mode === 'share'
          ? await request({ type: 'share.start', treeId: treeId ?? '', url, credentials: credentials(), displayName })
          : await request({ type: 'share.join', url, credentials: credentials(), displayName, mode });
      if (!outcome.ok) {
        shareError.value = `Not shared: ${outcome.message}`;
        return;
      }
      shareForm.secret.value = '';
      shareNotice.value = mode === 'share' ? 'Shared.' : 'Joined: the shared tree is now in your workspace.';
      await loadShares();
    })
    .catch((e: unknown) => {
      shareError.value = e instanceof Error ? e.message : String(e);
    })
    .finally(() => {
      shareBusy.value = false;
    });
}

/** Renames the person in the settings and in every share (published with each one's next sync). */
export async function saveDisplayName(): Promise<void> {
  shareError.value = null;
  shareNotice.value = null;
  const name = nameText.value.trim();
  if (!name) {
    shareError.value = 'Enter your name: others see it beside your changes.';
    return;
  }
  if (name.length > 80) {
    shareError.value = 'Your name can have at most 80 characters.';
    return;
  }
  shareBusy.value = true;
  try {
    shareStatuses.value = await request({ type: 'share.setDisplayName', name });
    shareNotice.value = `Others now see your changes as ${name}.`;
  } catch (e) {
    shareError.value = e instanceof Error ? e.message : String(e);
  } finally {
    shareBusy.value = false;
  }
}

export async function syncNow(treeId: Id): Promise<void> {
  shareBusy.value = true;
  try {
    const outcome = await request({ type: 'share.syncNow', treeId });
    if (!outcome.ok) shareError.value = outcome.message;
    await loadShares();
  } finally {
    shareBusy.value = false;
  }
}

export async function leaveShare(treeId: Id): Promise<void> {
  await request({ type: 'share.leave', treeId });
  shareNotice.value = 'Left the share: the tree stays here as your own copy.';
  await loadShares();
}
