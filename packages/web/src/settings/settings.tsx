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
import { ErrorMessage, KdfStatus, Page, Spinner, useAction } from '../shared/ui.tsx';
import { Link } from '../shared/router.tsx';
import { ToolList, type Tool } from '../ui/tool-list.tsx';
import { Clock, DoorOpen, Download, KeyRound, Smartphone } from 'lucide-preact';
import { LeaveDialog } from '../space/leave-dialog.tsx';
import { YourData } from './your-data.tsx';
import { PushSettings } from '../notifications/push-settings.tsx';
import { ThisDevice } from '../device/device-settings.tsx';
import { loadSpace, sealMemberProfile, useSpace } from '../space/space.ts';

const meResponse = z.object({ user: userView });

const THEME_LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Saves part of the person's settings (the endpoint takes any subset) and keeps the session's copy in step. */
async function saveSettings(patch: Record<string, unknown>) {
  const res = await api.patch(endpoints.settings, patch, meResponse);
  if (res.ok) updateSessionUser(res.value.user);
  return res;
}

function hoursLine(user: Unlocked['user']): string {
  const start = user.activeHours.start || DEFAULT_ACTIVE_HOURS.start;
  const end = user.activeHours.end || DEFAULT_ACTIVE_HOURS.end;
  const quiet = user.quietHours ? `, quiet ${user.quietHours.start}–${user.quietHours.end}` : '';
  return `Between ${start} and ${end}${quiet}; weekly email ${user.weeklyDigest ? 'on' : 'off'}`;
}

/** /app/settings: who you are and how Hearth looks, then a row for each of the other settings (issue 19). */
export function Settings({ session }: { session: Unlocked }) {
  const id = useId();
  const user = session.user;
  const spaceState = useSpace();
  const [displayName, setDisplayName] = useState(session.displayName ?? '');
  const [theme, setTheme] = useState<Theme>(user.theme);
  const [saved, setSaved] = useState('');

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
    const nameChanged = name !== session.displayName;
    const res = await saveSettings({
      theme,
      ...(nameChanged ? { profile: toB64(sealJson({ displayName: name }, session.keys.personalKey, { type: 'user-profile' })) } : {}),
    });
    if (!res.ok) return res;
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
  const tools: Tool[] = [
    { href: '/app/settings/reminders', name: 'Reminders', description: hoursLine(user), icon: Clock },
    { href: '/app/settings/device', name: 'This device', description: 'How it unlocks, when it locks, and its notifications', icon: Smartphone },
    { href: '/app/settings/password', name: 'Password', description: 'Change it; other devices sign out', icon: KeyRound },
    { href: '/app/settings/data', name: 'Your data', description: 'Export, import, or delete your account', icon: Download },
    ...(space
      ? [
          {
            href: '/app/settings/space',
            name: space.view.status === 'ended' ? 'Close the space' : 'Leave the space',
            description: space.view.status === 'ended' ? 'Your partner has left; close it for good' : 'Ends the space for both of you',
            icon: DoorOpen,
          },
        ]
      : []),
  ];

  return (
    <Page title="Settings">
      <form class="stack card" onSubmit={onSave} aria-labelledby={`${id}-you`}>
        <h2 id={`${id}-you`}>You</h2>
        <div class="field">
          <label for={`${id}-name`}>Display name</label>
          <input id={`${id}-name`} type="text" required maxLength={60} value={displayName} onInput={(e) => setDisplayName(e.currentTarget.value)} />
        </div>
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
        <ErrorMessage message={save.error} />
        <div class="actions">
          <button type="submit" class="primary" disabled={save.busy}>
            Save
          </button>
          <span class="status" aria-live="polite">
            {saved}
          </span>
        </div>
      </form>
      <ToolList label="More settings" tools={tools} />
    </Page>
  );
}

/** /app/settings/reminders: when Hearth may remind, and the weekly email. */
export function RemindersPage({ session }: { session: Unlocked }) {
  const id = useId();
  const user = session.user;
  const dayWindow = useDayWindow({
    timeZone: user.timeZone,
    activeHours: {
      start: user.activeHours.start || DEFAULT_ACTIVE_HOURS.start,
      end: user.activeHours.end || DEFAULT_ACTIVE_HOURS.end,
    },
    quietHours: user.quietHours,
  });
  const [weeklyDigest, setWeeklyDigest] = useState(user.weeklyDigest);
  const [reminderEmail, setReminderEmail] = useState(user.reminderEmail);
  const [saved, setSaved] = useState('');
  const save = useAction(async () => {
    const window = dayWindow.value();
    if (!window.ok) return window;
    const res = await saveSettings({ ...window.value, weeklyDigest, reminderEmail });
    if (!res.ok) return res;
    setSaved('Saved');
    return ok(undefined);
  });
  return (
    <Page title="Reminders">
      <form
        class="stack card"
        aria-labelledby={`${id}-h`}
        onSubmit={(e) => {
          e.preventDefault();
          setSaved('');
          void save.run();
        }}
      >
        <h2 id={`${id}-h`}>When Hearth may remind you</h2>
        <DayWindowFields
          id={id}
          state={dayWindow}
          active={{ legend: 'Active hours', hint: 'Hearth only sends gentle reminders between these times.', labels: ['Active from', 'Active until'] }}
          quiet={{ legend: 'Quiet hours (optional)', hint: 'No reminders at all in this window, for example during work.', labels: ['Quiet from', 'Quiet until'] }}
        />
        <fieldset>
          <legend>Email</legend>
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
          <div class="check">
            <input
              id={`${id}-remind`}
              type="checkbox"
              checked={reminderEmail}
              aria-describedby={`${id}-remind-hint`}
              onChange={(e) => setReminderEmail(e.currentTarget.checked)}
            />
            <label for={`${id}-remind`}>Email me my weekly reminder too</label>
          </div>
          <p class="hint" id={`${id}-remind-hint`}>
            If you set a weekly reminder in Reconnect: the same moment, by email, in plain words (“Your week in Hearth is ready”).
          </p>
        </fieldset>
        <ErrorMessage message={save.error} />
        <div class="actions">
          <button type="submit" class="primary" disabled={save.busy}>
            Save reminders
          </button>
          <span class="status" aria-live="polite">
            {saved}
          </span>
        </div>
      </form>
    </Page>
  );
}

/** /app/settings/device: what only this device knows: how it opens, and whether it shows notifications. */
export function DevicePage() {
  return (
    <Page title="This device">
      <ThisDevice />
      <PushSettings />
    </Page>
  );
}

/** /app/settings/password */
export function PasswordPage() {
  return (
    <Page title="Password">
      <ChangePassword />
    </Page>
  );
}

/** /app/settings/data */
export function DataPage() {
  return (
    <Page title="Your data">
      <YourData />
    </Page>
  );
}

/** /app/settings/space: leaving (or, once the partner has left, closing) the space. */
export function LeavePage() {
  const id = useId();
  const spaceState = useSpace();
  const [leaving, setLeaving] = useState(false);
  useEffect(() => {
    void loadSpace();
  }, []);
  const space = spaceState.status === 'ready' ? spaceState.space : null;
  const closing = space?.view.status === 'ended';
  return (
    <Page title={closing ? 'Close the space' : 'Leave the space'}>
      {spaceState.status === 'error' ? (
        <ErrorMessage message={spaceState.message} />
      ) : spaceState.status !== 'ready' && spaceState.status !== 'none' ? (
        <Spinner label="Loading…" />
      ) : !space ? (
        <p>You are not in a space right now.</p>
      ) : (
        <section class="card stack" aria-labelledby={`${id}-h`}>
          <h2 id={`${id}-h`}>Before you go</h2>
          <p>
            You can take everything you can read with you, shared and private, from <Link href="/app/settings/data">Your data</Link>.
            Leaving ends the space for both of you.
          </p>
          <div>
            <button type="button" class="danger" onClick={() => setLeaving(true)}>
              {closing ? 'Close the space' : 'Leave space'}
            </button>
          </div>
          {leaving ? <LeaveDialog mode={closing ? 'close' : 'leave'} onClose={() => setLeaving(false)} /> : null}
        </section>
      )}
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
