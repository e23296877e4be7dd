import { useCallback, useRef, useState } from 'preact/hooks';
import { ok, TOUCH_PROMPTS, type Result } from '@hearth/core';
import { nudgeActionResponse, touchResponse, userView, type NudgePreferences, type NudgeView, type TouchResponse } from '@hearth/core/api';
import { z } from 'zod/mini';
import { api } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { updateSessionUser } from '../shared/session.ts';
import { useLiveReload } from '../shared/use-live-reload.ts';

/**
 * The Touch practice's data: my nudges and settings from the server. Nothing here is
 * sealed: nudge times and budgets are schedule metadata, and the prompts come from the
 * public catalog, so the server sends only an id and the text is looked up here.
 */

const meResponse = z.object({ user: userView });

/** The prompt's words, or a gentle stand-in for an id this version of the app does not know. */
export function promptText(id: string): string {
  return TOUCH_PROMPTS.find((p) => p.id === id)?.text ?? 'A small moment of closeness, however suits you both.';
}

/** Nudges I can still answer: arrived, or snoozed and waiting to come back. */
export const isOpen = (n: NudgeView): boolean => n.state === 'delivered' || n.state === 'snoozed';

export type TouchData = {
  readonly data: TouchResponse | null;
  readonly error: string | null;
  readonly reload: () => Promise<void>;
  readonly save: (prefs: NudgePreferences) => Promise<Result<unknown>>;
  readonly answer: (id: string, action: 'done' | 'snooze' | 'not-now', thinkingOfYou?: boolean) => Promise<Result<unknown>>;
};

export function useTouch(opts: { pollMs?: number } = {}): TouchData {
  const [data, setData] = useState<TouchResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);

  const reload = useCallback(async () => {
    const res = await api.get(endpoints.touch, touchResponse);
    if (!alive.current) return;
    if (res.ok) {
      setData(res.value);
      setError(null);
    } else setError(res.message);
  }, []);
  useLiveReload(reload, opts.pollMs, alive);

  const save = useCallback(async (prefs: NudgePreferences): Promise<Result<unknown>> => {
    const res = await api.put(endpoints.touchPreferences, prefs, touchResponse);
    if (!res.ok) return res;
    if (alive.current) setData(res.value);
    // Time zone and hours are the account's own settings too; keep the session's copy in step.
    const me = await api.get(endpoints.me, meResponse);
    if (me.ok) updateSessionUser(me.value.user);
    return ok(undefined);
  }, []);

  const answer = useCallback(
    async (id: string, action: 'done' | 'snooze' | 'not-now', thinkingOfYou = false): Promise<Result<unknown>> => {
      const res = await api.post(endpoints.nudgeAction(id, action), action === 'done' ? { thinkingOfYou } : undefined, nudgeActionResponse);
      if (!res.ok) return res;
      await reload();
      return ok(undefined);
    },
    [reload],
  );

  return { data, error, reload, save, answer };
}
