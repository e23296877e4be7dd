import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { z } from 'zod/mini';
import { err, ok, toB64 } from '@hearth/core';
import { DEFAULT_ACTIVE_HOURS, THEMES, userView, type Theme } from '@hearth/core/api';
import { profileBody, sealJson } from '@hearth/core/crypto';
import { changePassword } from '../auth/account-keys.ts';
import { api } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { updateSessionUser, type Unlocked } from '../shared/session.ts';
import { applyTheme } from '../shared/theme.ts';
import { DayWindowFields, useDayWindow } from '../shared/schedule-fields.tsx';
import { ErrorMessage, KdfStatus, Page, useAction } from '../shared/ui.tsx';
import { LeaveDialog } from '../space/leave-dialog.tsx';
import { YourData } from './your-data.tsx';
import { PushSettings } from '../notifications/push-settings.tsx';
import { ThisDevice } from '../device/device-settings.tsx';
import { loadSpace, sealMemberProfile, useSpace } from '../space/space.ts';

const meResponse = z.object({ user: userView });

const THEME_LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

export function Settings({ session }: { session: Unlocked }) {
  const id = useId();
  const user = session.user;
  const spaceState = useSpace();
  const [displayName, setDisplayName] = useState(session.displayName ?? '');
  const dayWindow = useDayWindow({
    timeZone: user.timeZone,
    activeHours: {
      start: user.activeHours.start || DEFAULT_ACTIVE_HOURS.start,
      end: user.activeHours.end || DEFAULT_ACTIVE_HOURS.end,
    },
    quietHours: user.quietHours,
  });
  const [theme, setTheme] = useState<Theme>(user.theme);
  const [weeklyDigest, setWeeklyDigest] = useState(user.weeklyDigest);
  const [saved, setSaved] = useState('');
  const [leaving, setLeaving] = useState(false);

  useEffect(() => {
    void loadSpace();
  }, []);
  // Preview the theme as soon as it is picked; fall back to the saved one if the person leaves without saving.
  useEffect(() => applyTheme(theme), [theme]);
  const savedTheme = useRef(user.theme);
  savedTheme.current = user.theme;
  useEffect(() => () => applyTheme(savedTheme.current), []);

  const save = useAction(async () => {
    const name = displayName.trim();
    if (!profileBody.safeParse({ displayName: name }).success) return err('invalid_name', 'Please enter a display name of up to 60 characters.');
    const window = dayWindow.value();
    if (!window.ok) return window;
    const nameChanged = name !== session.displayName;
    const res = await api.patch(
      endpoints.settings,
      {
        ...window.value,
        theme,
        weeklyDigest,
        ...(nameChanged ? { profile: toB64(sealJson({ displayName: name }, session.keys.personalKey, { type: 'user-profile' })) } : {}),
      },
      meResponse,
    );
    if (!res.ok) return res;
    updateSessionUser(res.value.user);
    if (nameChanged && spaceState.status === 'ready' && spaceState.space.key && spaceState.space.view.status === 'active') {
      const { view, key } = spaceState.space;
      const put = await api.send('PUT', endpoints.spaceProfile, { profile: sealMemberProfile(name, key, view.id, user.id) });
      if (!put.ok) return put;
      await loadSpace();
    }
    setSaved('Saved');
    return ok(undefined);
  });

  const onSave = (e: Event) => {
    e.preventDefault();
    setSaved('');
    void save.run();
  };

  const space = spaceState.status === 'ready' ? spaceState.space : null;

  return (
    <Page title="Settings">
      <form class="stack card" onSubmit={onSave} aria-labelledby={`${id}-you`}>
        <h2 id={`${id}-you`}>You</h2>
        <div class="field">
          <label for={`${id}-name`}>Display name</label>
          <input id={`${id}-name`} type="text" required maxLength={60} value={displayName} onInput={(e) => setDisplayName(e.currentTarget.value)} />
        </div>
        <DayWindowFields
          id={id}
          state={dayWindow}
          active={{ legend: 'Active hours', hint: 'Hearth only sends gentle reminders between these times.', labels: ['Active from', 'Active until'] }}
          quiet={{ legend: 'Quiet hours (optional)', hint: 'No reminders at all in this window, for example during work.', labels: ['Quiet from', 'Quiet until'] }}
        />
        <fieldset class="radios">
          <legend>Theme</legend>
          {THEMES.map((t) => (
            <div class="check" key={t}>
              <input
                id={`${id}-theme-${t}`}
                type="radio"
                name={`${id}-theme`}
                value={t}
                checked={theme === t}
                onChange={() => setTheme(t)}
              />
              <label for={`${id}-theme-${t}`}>{THEME_LABELS[t]}</label>
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>Weekly email</legend>
          <div class="check">
            <input
              id={`${id}-digest`}
              type="checkbox"
              checked={weeklyDigest}
              aria-describedby={`${id}-digest-hint`}
              onChange={(e) => setWeeklyDigest(e.currentTarget.checked)}
            />
            <label for={`${id}-digest`}>Send me a weekly digest</label>
          </div>
          <p class="hint" id={`${id}-digest-hint`}>
            On Monday morning: how many check-ins, thank-yous and times together you shared last week. Counts only, never what
            either of you wrote.
          </p>
        </fieldset>
        <ErrorMessage message={save.error} />
        <div class="actions">
          <button type="submit" class="primary" disabled={save.busy}>
            Save settings
          </button>
          <span class="status" aria-live="polite">
            {saved}
          </span>
        </div>
      </form>

      <ThisDevice />

      <PushSettings />

      <ChangePassword />

      {space ? (
        <section class="card stack" aria-labelledby={`${id}-leave`}>
          <h2 id={`${id}-leave`}>Leave the space</h2>
          <p>
            Before you go, you can export everything you can read, shared and private (see Your data below). Leaving ends the space
            for both of you.
          </p>
          <button type="button" class="danger" onClick={() => setLeaving(true)}>
            {space.view.status === 'ended' ? 'Close the space' : 'Leave space'}
          </button>
          {leaving ? <LeaveDialog mode={space.view.status === 'ended' ? 'close' : 'leave'} onClose={() => setLeaving(false)} /> : null}
        </section>
      ) : null}

      <YourData />
    </Page>
  );
}

function ChangePassword() {
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState('');
  const { run, busy, error } = useAction(changePassword);
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setDone('');
    if (await run(current, next)) {
      setCurrent('');
      setNext('');
      setDone('Your password has been changed. Other devices have been signed out.');
    }
  };
  return (
    <form class="stack card" onSubmit={onSubmit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Change password</h2>
      <div class="field">
        <label for={`${id}-current`}>Current password</label>
        <input id={`${id}-current`} type="password" autocomplete="current-password" required value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for={`${id}-new`}>New password</label>
        <input
          id={`${id}-new`}
          type="password"
          autocomplete="new-password"
          required
          minLength={10}
          maxLength={128}
          value={next}
          onInput={(e) => setNext(e.currentTarget.value)}
        />
      </div>
      <ErrorMessage message={error} />
      <KdfStatus active={busy} />
      <button type="submit" disabled={busy}>
        Change password
      </button>
      <p class="status" aria-live="polite">
        {done}
      </p>
    </form>
  );
}
