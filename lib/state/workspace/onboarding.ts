/**
 * Starting a tree: from one of the framework's templates or blank. The guided start
 * stays open after the tree exists, so the user can name input metrics and owners while
 * the lints coach them.
 */
import { signal } from '@preact/signals-core';
import type { TreeTemplate } from '../../domain/templates';
import type { Tree } from '../../domain/types';
import { request } from '../../messaging/client';
import { reloadTree } from './tree-sync';

export type OnboardingStep = 'pick' | 'name';

/** Null once the user is done; the dashboard shows the guided start while it is set. */
export const onboardingStep = signal<OnboardingStep | null>(null);

export async function createTreeFrom(template: TreeTemplate | null, name: string): Promise<Tree> {
  const tree = await request({ type: 'tree.create', name, game: template?.game ?? null });
  await request({ type: 'settings.update', patch: { activeTreeId: tree.id } });
  const nsm = await request({
    type: 'metric.create',
    treeId: tree.id,
    role: 'nsm',
    name: template?.nsm.name ?? 'Our North Star',
    fields: template
      ? {
          definition: template.nsm.definition,
          unit: template.nsm.unit,
          period: template.nsm.period,
          category: template.nsm.category,
        }
      : { period: 'week' },
  });
  for (const input of template?.inputs ?? []) {
    await request({
      type: 'metric.create',
      treeId: tree.id,
      role: 'input',
      name: input.name,
      fields: { parentId: nsm.id, ownerTeam: input.ownerTeam, definition: input.definition, period: nsm.period },
    });
  }
  await reloadTree();
  return tree;
}
