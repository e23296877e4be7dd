import { useId, useMemo, useState } from 'preact/hooks';
import { PULSE_THRESHOLD, pulseDue, suggestionReasons } from '@hearth/core';
import { useConversations } from '../talk/talk-data.ts';
import { FileText, Route, ShieldCheck } from 'lucide-preact';
import { Link } from '../shared/router.tsx';
import { ToolList, type Tool } from '../ui/tool-list.tsx';
import { capital } from '../support/names.ts';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, formatDate, Spinner, useAction } from '../shared/ui.tsx';
import { partnerOf, type LoadedSpace } from '../space/space.ts';
import { asked, myPulses, mySharedPulses, partnerPulses, useHelp } from './help-data.ts';
import { useDirectory } from './help-directory.ts';
import { HelpShell } from './help-shell.tsx';
import { SuggestionCard } from './suggestion-card.tsx';
import { TrendChart } from './trend-chart.tsx';

const HELP_TOOLS = (partnerName: string): Tool[] => [
  { href: '/app/help/reconnect', name: 'Reconnect', description: 'Six weeks through the method, one practice a week, about 20 minutes a week each.', icon: Route },
  { href: '/app/help/private', name: 'Feeling safe', description: `A private check about fear, control or harm. ${capital(partnerName)} never sees it, not even that you looked.`, icon: ShieldCheck },
  { href: '/app/help/summary', name: 'Counselor summary', description: 'A summary to print or save as a PDF for a session, made on this device.', icon: FileText },
];

/** Practice 5, Help (DESIGN §2): the pulse and its trend, counseling, the private check and the counselor summary. */
export function HelpPage({ session }: { session: Unlocked }) {
  return (
    <HelpShell title="Help" art="help" lead="Check in on how you are doing, and find professional help when you need it, without shame.">
      {(space) => <HelpContent session={session} space={space} />}
    </HelpShell>
  );
}

function HelpContent({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const id = useId();
  const help = useHelp(session, space);
  const conv = useConversations(session, space);
  // Fetched on every visit to Help, so the request says nothing about the private check.
  const directory = useDirectory();
  const partner = partnerOf(space);
  const partnerName = partner?.name ?? 'your partner';
  const me = session.user.id;
  const [now] = useState(() => new Date());

  const data = help.data;
  const mine = useMemo(() => (data ? myPulses(data) : []), [data]);
  const theirs = useMemo(() => (data ? partnerPulses(data, me) : []), [data, me]);
  const shared = useMemo(() => (data ? mySharedPulses(data, me) : new Set<string>()), [data, me]);
  const reasons = useMemo(
    () =>
      data
        ? suggestionReasons({
            mine: mine.map((p) => ({ score: p.body.score, takenAt: p.body.takenAt })),
            partners: theirs,
            conversations: conv.states.map((s) => ({ pauseCount: s.pauseCount, hasAgreement: s.agreement !== null })),
            iAsked: asked(data, (a) => a === me),
            partnerAsked: asked(data, (a) => a !== me),
          })
        : [],
    [data, mine, theirs, conv.states, me],
  );

  const partnerNotes = useMemo(
    () => (data ? data.shares.flatMap((s) => (s.view.authorId !== me && s.body.type === 'ask' && s.body.note ? [s.body.note] : [])) : []),
    [data, me],
  );

  const shareOne = useAction(async (score: number, takenAt: string) => help.writeShared({ type: 'pulse', score, takenAt }));

  if (data === null) return help.error ? <ErrorMessage message={help.error} /> : <Spinner label="Loading…" />;
  const last = mine[mine.length - 1] ?? null;
  const due = pulseDue(last?.body.takenAt ?? null, now);

  return (
    <>
      {reasons.length > 0 ? (
        <SuggestionCard reasons={reasons} directory={directory} help={help} hasPartner={partner !== null} partnerName={partnerName} iAsked={asked(data, (a) => a === me)} partnerNotes={partnerNotes} />
      ) : null}
      <section class="card" aria-labelledby={`${id}-pulse`}>
        <h2 id={`${id}-pulse`}>Relationship pulse</h2>
        <p>
          Four private questions, about once a month. Only you can read your answers; you choose whether {partnerName} sees your score. A
          reflection aid, not a diagnosis.
        </p>
        <p>{due ? (last ? 'It has been a month since your last pulse.' : 'You have not taken a pulse yet.') : `Your last pulse was on ${formatDate(last?.body.takenAt ?? '', session.user.timeZone)}.`}</p>
        <Link href="/app/help/pulse" class={due ? 'button primary' : 'button'}>
          Take the pulse
        </Link>
        {/* Before a first pulse the line above already says so; the chart comes with the first score. */}
        {mine.length + theirs.length === 0 ? null : (
          <TrendChart mine={mine.map((p) => ({ score: p.body.score, takenAt: p.body.takenAt }))} partner={theirs} partnerLabel={partnerName} timeZone={session.user.timeZone} />
        )}
        {mine.length > 0 ? (
          <>
            <h3>Your pulses</h3>
            <ul class="pulse-list">
              {[...mine].reverse().map((p) => (
                <li key={p.view.id}>
                  {formatDate(p.body.takenAt, session.user.timeZone)}: {p.body.score} of 21{p.body.score < PULSE_THRESHOLD ? ' (low)' : ''}.{' '}
                  {partner ? (
                    shared.has(p.body.takenAt) ? (
                      <span class="hint">Shared with {partnerName}.</span>
                    ) : (
                      <button type="button" class="link" disabled={shareOne.busy} onClick={() => void shareOne.run(p.body.score, p.body.takenAt)}>
                        Share this score with {partnerName}
                      </button>
                    )
                  ) : null}
                </li>
              ))}
            </ul>
            <ErrorMessage message={shareOne.error} />
          </>
        ) : null}
        {data.unreadable > 0 ? <p class="hint">{data.unreadable} private record(s) could not be opened on this device.</p> : null}
      </section>
      {reasons.length === 0 ? (
        <SuggestionCard reasons={reasons} directory={directory} help={help} hasPartner={partner !== null} partnerName={partnerName} iAsked={asked(data, (a) => a === me)} partnerNotes={partnerNotes} />
      ) : null}
      <ToolList label="More help" tools={HELP_TOOLS(partnerName)} />
    </>
  );
}
