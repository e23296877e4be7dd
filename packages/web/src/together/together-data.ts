import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import {
  togetherMarkBody,
  togetherPlanBody,
  type Result,
  type TogetherMarkBody,
  type TogetherPlanBody,
  type TogetherSchedule,
  type TogetherScheduleInput,
} from '@hearth/core';
import type { ItemView } from '@hearth/core/api';
import { createItem, listItemsOfKinds, openItem, updateItem, type ItemKeys } from '../shared/items.ts';
import type { Unlocked } from '../shared/session.ts';
import { useLiveReload } from '../shared/use-live-reload.ts';
import type { LoadedSpace } from '../space/space.ts';

export type PlanKind = 'together-ritual' | 'together-date';

export type Mark = { readonly item: ItemView; readonly body: TogetherMarkBody };

export type Plan = {
  readonly item: ItemView;
  readonly kind: PlanKind;
  /** null when this device could not open it. */
  readonly body: TogetherPlanBody | null;
  readonly schedule: TogetherSchedule | null;
  readonly marks: readonly Mark[];
};

/** What the plans screens show; `as const` so a live change of any other kind passes them by. */
const TOGETHER_KINDS = ['together-ritual', 'together-date', 'together-mark'] as const;

export const keysOf = (session: Unlocked, space: LoadedSpace): ItemKeys => ({ spaceKey: space.key, personalKey: session.keys.personalKey });

const planKindOf = (item: ItemView): PlanKind | null =>
  item.kind === 'together-ritual' || item.kind === 'together-date' ? item.kind : null;

/** Decrypts every ritual, date and mark and groups the marks under their plan. */
export function assemblePlans(items: readonly ItemView[], keys: ItemKeys): Plan[] {
  const marks = new Map<string, Mark[]>();
  for (const item of items) {
    if (item.kind !== 'together-mark' || item.parentId === null) continue;
    const body = openItem(item, keys, togetherMarkBody);
    if (!body.ok) continue;
    const list = marks.get(item.parentId) ?? [];
    list.push({ item, body: body.value });
    marks.set(item.parentId, list);
  }
  const plans: Plan[] = [];
  for (const item of items) {
    const kind = planKindOf(item);
    if (kind === null) continue;
    const body = openItem(item, keys, togetherPlanBody);
    plans.push({ item, kind, body: body.ok ? body.value : null, schedule: item.schedule ?? null, marks: marks.get(item.id) ?? [] });
  }
  return plans;
}

export async function loadPlans(keys: ItemKeys): Promise<Result<Plan[]>> {
  const items = await listItemsOfKinds(TOGETHER_KINDS);
  return items.ok ? { ok: true, value: assemblePlans(items.value, keys) } : items;
}

export function savePlan(
  space: LoadedSpace,
  keys: ItemKeys,
  kind: PlanKind,
  body: TogetherPlanBody,
  schedule: TogetherScheduleInput,
  existing: ItemView | null,
): Promise<Result<ItemView>> {
  return existing === null ? createItem(space.view.id, kind, 'shared', body, keys, { schedule }) : updateItem(existing, body, keys, undefined, schedule);
}

export function markOccurrence(space: LoadedSpace, keys: ItemKeys, plan: Plan, mark: TogetherMarkBody): Promise<Result<ItemView>> {
  return createItem(space.view.id, 'together-mark', 'shared', mark, keys, { parentId: plan.item.id });
}

/** The couple's plans, reloaded while the page is open (the partner may add or mark one). */
export function usePlans(session: Unlocked, space: LoadedSpace, pollMs?: number) {
  const keys = useMemo(() => keysOf(session, space), [session, space]);
  const [plans, setPlans] = useState<Plan[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);
  const reload = useCallback(async () => {
    const res = await loadPlans(keys);
    if (!alive.current) return;
    if (res.ok) {
      setPlans(res.value);
      setError(null);
    } else setError(res.message);
  }, [keys]);
  useLiveReload(reload, pollMs, alive, TOGETHER_KINDS);
  return { plans, error, reload, keys };
}
