/**
 * Sharing in the tree's header: the status line with "Sync now" and "Leave" for a shared
 * tree; "Share this tree…" for a local one; "Join a shared tree…" either way. The
 * password or token is typed here, sent once to the background and never shown again.
 */
import type { CredentialsKind } from '../../lib/domain/sharing/share-record';
import { shareStatusText } from '../../lib/domain/sharing/share-text';
import {
  activeShare,
  clock,
  leaveShare,
  nameText,
  personName,
  saveDisplayName,
  shareBusy,
  shareError,
  shareForm,
  type ShareFormMode,
  shareNotice,
  submitShare,
  syncNow,
} from '../../lib/state/workspace/share';
import { treeSnapshot } from '../../lib/state/workspace/tree';

const KINDS: [CredentialsKind, string][] = [
  ['none', 'None (a public file)'],
  ['password', 'User name and app password'],
  ['token', 'Token'],
];

function Fields({ id }: { id: string }) {
  const kind = shareForm.kind.value;
  return (
    <>
      <div class="field">
        <label for={`${id}-url`}>Address of the shared file</label>
        <input
          id={`${id}-url`}
          type="url"
          placeholder="https://cloud.example.com/remote.php/dav/files/ana/acme.json"
          value={shareForm.url.value}
          onInput={(e) => (shareForm.url.value = e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for={`${id}-kind`}>Sign in with</label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(e) => (shareForm.kind.value = e.currentTarget.value as CredentialsKind)}
        >
          {KINDS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {kind === 'password' ? (
        <div class="field">
          <label for={`${id}-user`}>User name</label>
          <input
            id={`${id}-user`}
            autocomplete="username"
            value={shareForm.user.value}
            onInput={(e) => (shareForm.user.value = e.currentTarget.value)}
          />
        </div>
      ) : null}
      {kind !== 'none' ? (
        <div class="field">
          <label for={`${id}-secret`}>{kind === 'password' ? 'App password' : 'Token'}</label>
          <input
            id={`${id}-secret`}
            type="password"
            autocomplete="off"
            value={shareForm.secret.value}
            onInput={(e) => (shareForm.secret.value = e.currentTarget.value)}
          />
        </div>
      ) : null}
      {personName.value ? (
        <p class="small muted share-as">
          Others see your changes as <strong>{personName.value}</strong>.
        </p>
      ) : (
        <NameField id={`${id}-name`} label="Your name, as others see it" />
      )}
    </>
  );
}

/** The one name field: the first share asks for it, and "Your name in shared trees" changes it. */
function NameField({ id, label }: { id: string; label: string }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        autocomplete="name"
        maxLength={80}
        value={nameText.value}
        onInput={(e) => (shareForm.displayName.value = e.currentTarget.value)}
      />
    </div>
  );
}

function PersonName() {
  const name = personName.value;
  return (
    <details class="share-person">
      <summary>{name ? `Your name in shared trees: ${name}` : 'Your name in shared trees…'}</summary>
      <form
        class="share-form"
        onSubmit={(e) => {
          e.preventDefault();
          void saveDisplayName();
        }}
      >
        <NameField id="share-person-name" label="Your name" />
        <p class="small muted">
          Shown beside your changes ("tagged by {name || 'Ana'}") in every tree you share or join.
        </p>
        <div class="actions">
          <button type="submit" class="btn primary small" disabled={shareBusy.value}>
            Save name
          </button>
        </div>
      </form>
    </details>
  );
}

function ShareForm({ mode }: { mode: ShareFormMode }) {
  const id = mode === 'share' ? 'share' : 'join';
  return (
    <form
      class="share-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submitShare(mode);
      }}
    >
      <Fields id={id} />
      <div class="actions">
        {mode === 'share' ? (
          <button type="submit" class="btn primary small" disabled={shareBusy.value}>
            Share this tree
          </button>
        ) : (
          <>
            <button type="submit" class="btn primary small" disabled={shareBusy.value}>
              Join to edit
            </button>
            <button
              type="button"
              class="btn small"
              disabled={shareBusy.value}
              onClick={() => void submitShare('reader')}
            >
              Subscribe read only
            </button>
          </>
        )}
      </div>
    </form>
  );
}

function Messages() {
  return (
    <>
      {shareError.value ? (
        <p class="field-error" role="alert">
          {shareError.value}
        </p>
      ) : null}
      {shareNotice.value ? (
        <p class="small muted" role="status">
          {shareNotice.value}
        </p>
      ) : null}
    </>
  );
}

export function ShareStatusLine() {
  const share = activeShare.value;
  if (!share) return null;
  const { text, problem } = shareStatusText(share, clock.value);
  return (
    <div class="share-status" data-problem={problem ? 'true' : undefined}>
      <span role="status" class={problem ? 'share-problem' : 'muted'}>
        {text}
      </span>
      <button type="button" class="btn small" disabled={shareBusy.value} onClick={() => void syncNow(share.treeId)}>
        Sync now
      </button>
      <button type="button" class="btn quiet small" onClick={() => void leaveShare(share.treeId)}>
        Leave the share
      </button>
    </div>
  );
}

export function ShareSettings() {
  const share = activeShare.value;
  const local = treeSnapshot.value?.tree;
  return (
    <div class="share-settings">
      {share || !local ? null : (
        <details>
          <summary>Share this tree…</summary>
          <p class="small muted">
            Publish this tree to a file on your team's WebDAV server (Nextcloud, ownCloud, SharePoint, Apache). Only
            that server is contacted, and only after you allow it.
          </p>
          <ShareForm mode="share" />
        </details>
      )}
      <details>
        <summary>Join a shared tree…</summary>
        <ShareForm mode="editor" />
      </details>
      <PersonName />
      <Messages />
    </div>
  );
}
