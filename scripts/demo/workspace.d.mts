/** Types for the plain-JS demo workspace, so TypeScript tests can seed with it. */
import type { WorkspaceFile } from '../../lib/domain/workspace-file';

export function demoWorkspace(now?: number): WorkspaceFile;
