import { useId, useMemo, useState } from 'preact/hooks';
import { ok } from '@hearth/core';
import { useCheckins } from '../talk/checkin-data.ts';
import { useConversations } from '../talk/talk-data.ts';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, formatDate, Spinner, useAction } from '../shared/ui.tsx';
import { partnerOf, type LoadedSpace } from '../space/space.ts';
import { useProgramme } from '../programme/programme-data.ts';
import { consentOf, myPulses, partnerPulses, useHelp } from './help-data.ts';
import { HelpShell } from './help-shell.tsx';
import { downloadBytes, summaryPdf, type SummarySection } from './summary-pdf.ts';

/**
 * The counselor summary, built on this device. Shared content (the partner's shared
 * pulses, agreements and follow-ups, feelings from shared check-ins) goes in only when
 * both partners have agreed in the app; private content only the viewer's own, only
 * when they tick it. Print uses the print stylesheet; the PDF is made by pdf-lib here.
 */
export function SummaryPage({ session }: { session: Unlocked }) {
  return (
    <HelpShell title="Counselor summary" className="summary-page">
      {(space) => <Summary session={session} space={space} />}
    </HelpShell>
  );
}

/** How many feeling words to list. */
const TOP_FEELINGS = 5;
/** How many agreements, newest first. */
const RECENT_AGREEMENTS = 5;

function topFeelings(lists: readonly (readonly string[])[]): string[] {
  const counts = new Map<string, number>();
  for (const words of lists) for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_FEELINGS)
    .map(([w, n]) => `${w} (${n})`);
}

function Summary({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const id = useId();
  const me = session.user.id;
  const tz = session.user.timeZone;
  const help = useHelp(session, space);
  const conv = useConversations(session, space);
  const checkins = useCheckins(session, space);
  const partner = partnerOf(space);
  const partnerName = partner?.name ?? 'your partner';
  const myName = session.displayName ?? 'Me';
  const [includePulses, setIncludePulses] = useState(false);
  const [includePrivateCheckins, setIncludePrivateCheckins] = useState(false);
  const [includeReconnect, setIncludeReconnect] = useState(false);
  const programme = useProgramme(session, space);
  const reconnect = programme.data?.view ?? null;
  const inReconnect = reconnect !== null && reconnect.startedAt !== null && reconnect.status !== 'invited' && reconnect.status !== 'not-started';

  const data = help.data;
  // Shown at once while the write is on its way; the saved consent takes over after.
  const [pending, setPending] = useState<boolean | null>(null);
  const iAgree = pending ?? (data ? consentOf(data, me) : false);
  const theyAgree = data && partner ? consentOf(data, partner.userId) : false;
  const bothAgree = iAgree && theyAgree;

  const consent = useAction(async (include: boolean) => {
    setPending(include);
    const res = await help.writeShared({ type: 'summary-consent', include });
    setPending(null);
    return res;
  });

  const sections = useMemo((): SummarySection[] => {
    if (!data) return [];
    const out: SummarySection[] = [];
    const fmt = (iso: string) => formatDate(iso, tz);
    if (includePulses) {
      const mine = myPulses(data);
      out.push({
        heading: `${myName}'s relationship pulse (of 21)`,
        lines: mine.length ? mine.map((p) => `${fmt(p.body.takenAt)}: ${p.body.score}`) : ['No pulses yet.'],
      });
    }
    if (bothAgree) {
      const theirs = partnerPulses(data, me);
      if (theirs.length) out.push({ heading: `${partnerName}'s shared pulse (of 21)`, lines: theirs.map((p) => `${fmt(p.takenAt)}: ${p.score}`) });
      const agreements = conv.states
        .filter((s) => s.agreement !== null)
        .sort((a, b) => (b.agreement?.createdAt ?? '').localeCompare(a.agreement?.createdAt ?? ''))
        .slice(0, RECENT_AGREEMENTS)
        .map((s) => `"${s.topic.title}": ${s.agreement?.text ?? ''} (follow up on ${s.agreement?.followUpOn ?? ''}${s.agreement?.due ? ', due' : ''})`);
      out.push({ heading: 'Recent agreements and follow-ups', lines: agreements.length ? agreements : ['No agreements recorded yet.'] });
      const stuck = conv.states.filter((s) => s.pauseCount > 0 && s.agreement === null).map((s) => `"${s.topic.title}": paused ${s.pauseCount} time(s), no agreement yet`);
      if (stuck.length) out.push({ heading: 'Conversations still open', lines: stuck });
    }
    // Issue 21's optional Reconnect page: where I am in the six weeks, never the reflections.
    if (includeReconnect && inReconnect && reconnect.startedAt !== null) {
      const lines = [`Started ${fmt(reconnect.startedAt)}; now in week ${reconnect.current} of 6${reconnect.status === 'paused' ? ' (paused)' : ''}.`];
      for (const w of reconnect.weeks.filter((w) => w.openedAt !== null)) lines.push(`Week ${w.week}, ${w.title}: ${w.exercises.filter((e) => e.mine !== null).length} of 3 done`);
      const pulses = programme.data?.myPulses ?? [];
      const first = pulses[0];
      const last = pulses[pulses.length - 1];
      if (first && last && pulses.length > 1) lines.push(`Pulse at the start ${first.score}, latest ${last.score} (of 21)`);
      out.push({ heading: 'Reconnect, the six-week programme', lines });
    }
    const entries = checkins.entries ?? [];
    const sharedFeelings = bothAgree ? entries.filter((e) => e.item.visibility === 'shared' && e.body).map((e) => e.body?.feelings ?? []) : [];
    const privateFeelings = includePrivateCheckins
      ? entries.filter((e) => e.item.visibility === 'private' && e.item.authorId === me && e.body).map((e) => e.body?.feelings ?? [])
      : [];
    if (bothAgree || includePrivateCheckins) {
      const top = topFeelings([...sharedFeelings, ...privateFeelings]);
      out.push({ heading: 'Feelings named most often in check-ins', lines: top.length ? [top.join(', ')] : ['No check-ins yet.'] });
    }
    return out;
  }, [data, includePulses, includePrivateCheckins, includeReconnect, inReconnect, reconnect, programme.data, bothAgree, conv.states, checkins.entries, me, myName, partnerName, tz]);

  const title = `Hearth summary for a counseling session, ${formatDate(new Date().toISOString(), tz)}`;
  const pdf = useAction(async () => {
    const bytes = await summaryPdf(title, sections.length ? sections : [{ heading: 'Nothing included', lines: ['Nothing was chosen for this summary.'] }]);
    downloadBytes(bytes, 'hearth-summary.pdf', 'application/pdf');
    return ok(undefined);
  });

  if (!data) return help.error ? <ErrorMessage message={help.error} /> : <Spinner label="Loading…" />;

  return (
    <>
      <section class="card no-print" aria-labelledby={`${id}-choose`}>
        <h2 id={`${id}-choose`}>What goes in</h2>
        <p>Made on this device and never sent to the server. Choose what to include.</p>
        <fieldset>
          <legend>Just mine</legend>
          <div class="check">
            <input id={`${id}-pulses`} type="checkbox" checked={includePulses} onChange={(e) => setIncludePulses(e.currentTarget.checked)} />
            <label for={`${id}-pulses`}>My pulse scores</label>
          </div>
          <div class="check">
            <input id={`${id}-private`} type="checkbox" checked={includePrivateCheckins} onChange={(e) => setIncludePrivateCheckins(e.currentTarget.checked)} />
            <label for={`${id}-private`}>Feelings from my private check-ins</label>
          </div>
          {inReconnect ? (
            <div class="check">
              <input id={`${id}-reconnect`} type="checkbox" checked={includeReconnect} onChange={(e) => setIncludeReconnect(e.currentTarget.checked)} />
              <label for={`${id}-reconnect`}>My Reconnect progress (not my reflections)</label>
            </div>
          ) : null}
        </fieldset>
        {partner ? (
          <fieldset>
            <legend>Shared between us</legend>
            <p>
              Shared things (agreements, follow-ups, feelings from shared check-ins, scores {partnerName} shared) go in only when both of
              you agree here.
            </p>
            <div class="check">
              <input id={`${id}-consent`} type="checkbox" checked={iAgree} disabled={consent.busy} onChange={(e) => void consent.run(e.currentTarget.checked)} />
              <label for={`${id}-consent`}>I agree to include our shared things</label>
            </div>
            <p role="status">
              {bothAgree
                ? `You both agreed: shared things are included.`
                : theyAgree
                  ? `${partnerName} has agreed; shared things go in once you agree too.`
                  : `Waiting for ${partnerName} to agree in their app.`}
            </p>
            <ErrorMessage message={consent.error} />
          </fieldset>
        ) : null}
        <div class="actions">
          <button type="button" class="primary" onClick={() => window.print()}>
            Print
          </button>{' '}
          <button type="button" onClick={() => void pdf.run()} disabled={pdf.busy}>
            Download PDF
          </button>
        </div>
        <ErrorMessage message={pdf.error} />
      </section>
      <article class="card summary-sheet" aria-labelledby={`${id}-sheet`}>
        <h2 id={`${id}-sheet`}>{title}</h2>
        {sections.length === 0 ? <p>Nothing chosen yet.</p> : null}
        {sections.map((s) => (
          <section key={s.heading}>
            <h3>{s.heading}</h3>
            <ul>
              {s.lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          </section>
        ))}
        <p class="hint">Counts of rituals kept will appear here once the Together practice keeps rituals.</p>
      </article>
    </>
  );
}
