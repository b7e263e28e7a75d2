/**
 * What the shared-tree browser tests have in common: a person's browser that may talk to
 * the test's Apache, and the part of an export the people of a share must agree on.
 */
import type { WorkspaceFile } from '../../lib/domain/workspace-file';
import type { Apache } from '../../scripts/webdav/apache.mjs';
import { launchLens, type Lens } from './harness';

/** The built extension, granted the loopback host the test's Apache listens on, its requests let through. */
export async function launchTeammate(apache: () => Apache): Promise<Lens> {
  const lens = await launchLens({
    patchManifest: (manifest) => {
      manifest.host_permissions = [...((manifest.host_permissions as string[]) ?? []), 'http://127.0.0.1/*'];
    },
  });
  // The launcher aborts every request no fixture answers; the share's server is a real one.
  await lens.context.route(
    (url) => url.origin === apache().origin,
    (route) => route.continue(),
  );
  return lens;
}

/** Trees, metrics and items as exported: what everyone in a share must agree on. */
export async function sharedPart(lens: Lens) {
  const exported = (await lens.call({ type: 'workspace.export' })) as WorkspaceFile;
  return { trees: exported.trees, metrics: exported.metrics, items: exported.items };
}
