/** Types for the plain-JS bench workspace, so TypeScript tests can seed a large workspace with it. */
import type { WorkspaceFile } from '../../lib/domain/workspace-file';

export function benchWorkspace(options?: { items?: number; metrics?: number; observations?: number }): WorkspaceFile;
export const JIRA: string;
export const INPUT_NAMES: string[];
export function pillFor(inputIndex: number): string;
