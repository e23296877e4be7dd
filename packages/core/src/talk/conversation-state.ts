import { z } from 'zod/mini';
import {
  talkAgreementBody,
  talkIdeaBody,
  talkIdeaMarkBody,
  talkPauseBody,
  talkReflectionBody,
  talkResumeBody,
  talkSideBody,
  talkSideWrittenBody,
  talkTopicBody,
  talkVerdictBody,
  type TalkAgreementBody,
  type TalkIdeaBody,
  type TalkIdeaMarkBody,
  type TalkPauseBody,
  type TalkReflectionBody,
  type TalkResumeBody,
  type TalkSideBody,
  type TalkSideWrittenBody,
  type TalkTopicBody,
  type TalkVerdictBody,
} from './conversation.ts';

/**
 * Where a "talk it through" conversation stands, worked out from its decrypted items
 * alone, so both partners' screens (and Today) agree on it:
 *
 *   1 Topic → 2 Your side → 3 What I heard → 4 Ideas → 5 Agreement → follow-up
 *
 * - Sides: each writes theirs; the server withholds the partner's side until both are
 *   written, so a "side written" marker is how one learns the other has written.
 * - What I heard: each reflects the other's side; the side's author answers each
 *   reflection "yes, that's it" or "not quite" with a correction. A person is heard
 *   when the latest reflection of their side got a "yes". Done when both are heard.
 * - Ideas: both add ideas and mark those they could live with; ideas both can live
 *   with are common ground, and the first one opens the Agreement step.
 * - Agreement: the latest recorded agreement counts; its follow-up is due from its
 *   date on, in the viewer's time zone.
 * - A pause (the latest one, unless a resume came after it) holds everything: nobody
 *   is waited on during a break, because flooding is real.
 */

type Meta = {
  readonly id: string;
  readonly authorId: string;
  readonly parentId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly remindAt: string | null;
};

export type ConversationItem =
  | (Meta & { readonly kind: 'talk-topic'; readonly body: TalkTopicBody })
  | (Meta & { readonly kind: 'talk-side'; readonly body: TalkSideBody })
  | (Meta & { readonly kind: 'talk-side-written'; readonly body: TalkSideWrittenBody })
  | (Meta & { readonly kind: 'talk-reflection'; readonly body: TalkReflectionBody })
  | (Meta & { readonly kind: 'talk-verdict'; readonly body: TalkVerdictBody })
  | (Meta & { readonly kind: 'talk-idea'; readonly body: TalkIdeaBody })
  | (Meta & { readonly kind: 'talk-idea-mark'; readonly body: TalkIdeaMarkBody })
  | (Meta & { readonly kind: 'talk-agreement'; readonly body: TalkAgreementBody })
  | (Meta & { readonly kind: 'talk-pause'; readonly body: TalkPauseBody })
  | (Meta & { readonly kind: 'talk-resume'; readonly body: TalkResumeBody });

export type ConversationKind = ConversationItem['kind'];

export const CONVERSATION_KINDS = [
  'talk-topic',
  'talk-side',
  'talk-side-written',
  'talk-reflection',
  'talk-verdict',
  'talk-idea',
  'talk-idea-mark',
  'talk-agreement',
  'talk-pause',
  'talk-resume',
] as const satisfies readonly ConversationKind[];

function parsed<T>(schema: z.core.$ZodType<T>, body: unknown): T | null {
  const r = z.safeParse(schema, body);
  return r.success ? r.data : null;
}

/**
 * Types a decrypted item for conversationState: its metadata plus the body checked
 * against the kind's schema. null for a kind that is not part of a conversation or a
 * body that does not match.
 */
export function toConversationItem(meta: Meta & { readonly kind: string }, body: unknown): ConversationItem | null {
  const m: Meta = {
    id: meta.id,
    authorId: meta.authorId,
    parentId: meta.parentId,
    createdAt: meta.createdAt,
    updatedAt: meta.updatedAt,
    remindAt: meta.remindAt,
  };
  const wrap = <K extends ConversationKind, B>(kind: K, b: B | null) => (b === null ? null : { ...m, kind, body: b });
  switch (meta.kind) {
    case 'talk-topic':
      return wrap('talk-topic', parsed(talkTopicBody, body));
    case 'talk-side':
      return wrap('talk-side', parsed(talkSideBody, body));
    case 'talk-side-written':
      return wrap('talk-side-written', parsed(talkSideWrittenBody, body));
    case 'talk-reflection':
      return wrap('talk-reflection', parsed(talkReflectionBody, body));
    case 'talk-verdict':
      return wrap('talk-verdict', parsed(talkVerdictBody, body));
    case 'talk-idea':
      return wrap('talk-idea', parsed(talkIdeaBody, body));
    case 'talk-idea-mark':
      return wrap('talk-idea-mark', parsed(talkIdeaMarkBody, body));
    case 'talk-agreement':
      return wrap('talk-agreement', parsed(talkAgreementBody, body));
    case 'talk-pause':
      return wrap('talk-pause', parsed(talkPauseBody, body));
    case 'talk-resume':
      return wrap('talk-resume', parsed(talkResumeBody, body));
    default:
      return null;
  }
}

/** The five steps both partners see, in order. */
export const CONVERSATION_STEPS = [
  { step: 'topic', label: 'Topic' },
  { step: 'sides', label: 'Your side' },
  { step: 'heard', label: 'What I heard' },
  { step: 'ideas', label: 'Ideas' },
  { step: 'agreement', label: 'Agreement' },
] as const;

export type ConversationStep = (typeof CONVERSATION_STEPS)[number]['step'];
/** The current stage: one of the steps, or the follow-up once an agreement is recorded. */
export type ConversationStage = Exclude<ConversationStep, 'topic'> | 'follow-up';

export type Side = { readonly id: string; readonly authorId: string; readonly text: string; readonly createdAt: string };

export type Reflection = {
  readonly id: string;
  /** Who wrote what they heard. */
  readonly authorId: string;
  readonly text: string;
  readonly createdAt: string;
  /** The side author's answer, or null while it is awaited. */
  readonly verdict: { readonly id: string; readonly answer: 'yes' } | { readonly id: string; readonly answer: 'not-quite'; readonly correction: string } | null;
};

/** How one person's side is being heard by the other. */
export type Hearing = {
  /** Whose side it is. */
  readonly sideAuthorId: string;
  /** Reflections of that side by the other person, oldest first. */
  readonly reflections: readonly Reflection[];
  /** The latest reflection got "yes, that's it". */
  readonly heard: boolean;
};

export type Idea = {
  readonly id: string;
  readonly authorId: string;
  readonly text: string;
  readonly createdAt: string;
  /** My mark item, so the app can update it rather than write a second one. */
  readonly myMark: { readonly id: string; readonly canLiveWith: boolean } | null;
  readonly iCanLiveWith: boolean;
  readonly partnerCanLiveWith: boolean;
  /** Both could live with it: common ground. */
  readonly common: boolean;
};

export type Agreement = {
  readonly id: string;
  readonly authorId: string;
  readonly text: string;
  /** YYYY-MM-DD */
  readonly followUpOn: string;
  readonly createdAt: string;
  /** The follow-up date has come in the viewer's time zone. */
  readonly due: boolean;
};

export type Pause = {
  readonly id: string;
  readonly authorId: string;
  readonly until: string;
  readonly note: string | null;
  /** The planned time to come back has passed (the pause lasts until someone resumes). */
  readonly over: boolean;
};

/**
 * Something a person can do now. `waiting` says the other has done their part and is
 * waiting on this (Today lists those); open invitations (add an idea) are not waits.
 */
export type TurnAction =
  | { readonly kind: 'join'; readonly waiting: false }
  | { readonly kind: 'write-side'; readonly waiting: boolean }
  | { readonly kind: 'reflect'; readonly waiting: true }
  | { readonly kind: 'answer-reflection'; readonly reflectionId: string; readonly waiting: true }
  | { readonly kind: 'add-idea'; readonly waiting: false }
  | { readonly kind: 'mark-ideas'; readonly ideaIds: readonly string[]; readonly waiting: boolean }
  | { readonly kind: 'record-agreement'; readonly waiting: false }
  | { readonly kind: 'follow-up'; readonly waiting: false }
  | { readonly kind: 'resume'; readonly waiting: false };

export type ConversationState = {
  readonly topic: { readonly id: string; readonly authorId: string; readonly title: string; readonly why: string; readonly createdAt: string };
  readonly stage: ConversationStage;
  /** Index into CONVERSATION_STEPS of the step to mark current (the follow-up belongs to Agreement). */
  readonly stepIndex: number;
  readonly partnerId: string | null;
  readonly sides: {
    readonly mine: Side | null;
    /** Only once both are written: never shown before, even if it were delivered. */
    readonly partners: Side | null;
    readonly partnerHasWritten: boolean;
    /** My "side written" marker is saved (the app writes it again if it got lost). */
    readonly mineMarked: boolean;
    readonly revealed: boolean;
    /** Both sides in the order they were written, once revealed. */
    readonly inOrder: readonly Side[];
  };
  /** My side as heard by my partner, and my partner's side as heard by me. */
  readonly hearing: { readonly mine: Hearing; readonly partners: Hearing };
  readonly ideas: readonly Idea[];
  readonly commonIdeaIds: readonly string[];
  readonly agreement: Agreement | null;
  readonly paused: Pause | null;
  readonly pauseCount: number;
  readonly turn: { readonly me: readonly TurnAction[]; readonly partner: readonly TurnAction[] };
  /** My partner is waiting on me for something. */
  readonly awaitingMe: boolean;
  /** I am waiting on my partner for something. */
  readonly awaitingPartner: boolean;
};

export type ConversationInput = {
  readonly topicId: string;
  /** Decrypted items; any others (other topics, other kinds) are ignored. */
  readonly items: readonly ConversationItem[];
  readonly me: string;
  /** Absent while the partner has not joined. */
  readonly partner: string | null;
  readonly now: Date;
  /** IANA zone of the viewer, for "is the follow-up due". */
  readonly timeZone: string;
};

const byTime = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): number =>
  a.createdAt === b.createdAt ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.createdAt < b.createdAt ? -1 : 1;

const latestOf = <T extends { createdAt: string; updatedAt: string; id: string }>(list: readonly T[]): T | null => {
  let best: T | null = null;
  for (const x of list) {
    if (best === null) best = x;
    else {
      const bx = x.updatedAt > x.createdAt ? x.updatedAt : x.createdAt;
      const bb = best.updatedAt > best.createdAt ? best.updatedAt : best.createdAt;
      if (bx > bb || (bx === bb && byTime(best, x) < 0)) best = x;
    }
  }
  return best;
};

/** The calendar date (YYYY-MM-DD) at `now` in an IANA time zone; UTC if the zone is unknown. */
export function calendarDateIn(now: Date, timeZone: string): string {
  const parts = (zone: string) => {
    const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    const get = (type: string) => f.formatToParts(now).find((p) => p.type === type)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}`;
  };
  try {
    return parts(timeZone);
  } catch {
    return parts('UTC');
  }
}

/** Minutes the zone is ahead of UTC at this instant. */
function zoneOffsetMinutes(at: number, timeZone: string): number {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const p = Object.fromEntries(f.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p['year']), Number(p['month']) - 1, Number(p['day']), Number(p['hour']), Number(p['minute']), Number(p['second']));
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60_000);
}

/**
 * The instant of a wall-clock time ("2030-01-15", "09:30") in an IANA zone, as an ISO
 * string; null for a malformed date or time. Unknown zones count as UTC. A time that
 * does not exist (skipped by a DST change) lands just after the gap.
 */
export function zonedDateTimeToIso(date: string, time: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d\d)-(\d\d)$/.exec(date);
  const t = /^(\d\d):(\d\d)$/.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(wall)) return null;
  let zone = timeZone;
  try {
    zoneOffsetMinutes(wall, zone);
  } catch {
    zone = 'UTC';
  }
  let at = wall - zoneOffsetMinutes(wall, zone) * 60_000;
  // Once more with the offset at the guessed instant, for days when it changes.
  at = wall - zoneOffsetMinutes(at, zone) * 60_000;
  return new Date(at).toISOString();
}

/** A wall-clock "YYYY-MM-DDTHH:MM" for an instant in a zone (the value of a datetime-local field). */
export function isoToZonedDateTime(iso: string, timeZone: string): string {
  const at = Date.parse(iso);
  let zone = timeZone;
  try {
    zoneOffsetMinutes(at, zone);
  } catch {
    zone = 'UTC';
  }
  const local = new Date(at + zoneOffsetMinutes(at, zone) * 60_000).toISOString();
  return local.slice(0, 16);
}

function hearingOf(sideAuthorId: string, listenerId: string | null, reflections: readonly ConversationItem[], verdicts: readonly ConversationItem[]): Hearing {
  const list: Reflection[] = [];
  for (const r of reflections) {
    if (r.kind !== 'talk-reflection' || listenerId === null || r.authorId !== listenerId) continue;
    // Only the side's author can answer a reflection of it.
    const answers = verdicts.filter((v) => v.parentId === r.id && v.authorId === sideAuthorId);
    const v = latestOf(answers);
    let verdict: Reflection['verdict'] = null;
    if (v?.kind === 'talk-verdict') {
      verdict = v.body.verdict === 'yes' ? { id: v.id, answer: 'yes' } : { id: v.id, answer: 'not-quite', correction: v.body.correction };
    }
    list.push({ id: r.id, authorId: r.authorId, text: r.body.text, createdAt: r.createdAt, verdict });
  }
  list.sort(byTime);
  const last = list.at(-1);
  return { sideAuthorId, reflections: list, heard: last?.verdict?.answer === 'yes' };
}

export function conversationState(input: ConversationInput): ConversationState | null {
  const { me, topicId } = input;
  const topicItem = input.items.find((i) => i.id === topicId);
  if (topicItem?.kind !== 'talk-topic') return null;

  const children = input.items.filter((i) => i.parentId === topicId);
  const childIds = new Set(children.map((c) => c.id));
  const grandchildren = input.items.filter((i) => i.parentId !== null && childIds.has(i.parentId));

  // The partner: as given, or whoever else wrote in this topic (a partner who has since left).
  const partnerId = input.partner ?? [topicItem, ...children, ...grandchildren].find((i) => i.authorId !== me)?.authorId ?? null;

  // Sides. One each: the server enforces it; if there were more, the first one counts.
  const sideOf = (who: string | null): Side | null => {
    if (who === null) return null;
    const s = children.filter((c) => c.kind === 'talk-side' && c.authorId === who).sort(byTime)[0];
    return s?.kind === 'talk-side' ? { id: s.id, authorId: s.authorId, text: s.body.text, createdAt: s.createdAt } : null;
  };
  const mine = sideOf(me);
  const partnersDelivered = sideOf(partnerId);
  const partnerHasWritten =
    partnersDelivered !== null || (partnerId !== null && children.some((c) => c.kind === 'talk-side-written' && c.authorId === partnerId));
  const mineMarked = children.some((c) => c.kind === 'talk-side-written' && c.authorId === me);
  const revealed = mine !== null && partnersDelivered !== null;
  const partners = revealed ? partnersDelivered : null;
  const inOrder = revealed && partners ? [mine, partners].sort(byTime) : [];

  // What I heard.
  const reflections = children.filter((c) => c.kind === 'talk-reflection');
  const verdicts = grandchildren.filter((g) => g.kind === 'talk-verdict');
  const hearingMine = hearingOf(me, partnerId, reflections, verdicts);
  const hearingPartners = hearingOf(partnerId ?? '', partnerId === null ? null : me, reflections, verdicts);
  const bothHeard = revealed && hearingMine.heard && hearingPartners.heard;

  // Ideas and marks.
  const marks = grandchildren.filter((g) => g.kind === 'talk-idea-mark');
  const markOf = (ideaId: string, who: string | null) => (who === null ? null : latestOf(marks.filter((m) => m.parentId === ideaId && m.authorId === who)));
  const ideas: Idea[] = children
    .filter((c) => c.kind === 'talk-idea')
    .sort(byTime)
    .flatMap((c) => {
      if (c.kind !== 'talk-idea') return [];
      const my = markOf(c.id, me);
      const theirs = markOf(c.id, partnerId);
      const iCan = my?.kind === 'talk-idea-mark' && my.body.canLiveWith;
      const theyCan = theirs?.kind === 'talk-idea-mark' && theirs.body.canLiveWith;
      return [
        {
          id: c.id,
          authorId: c.authorId,
          text: c.body.text,
          createdAt: c.createdAt,
          myMark: my?.kind === 'talk-idea-mark' ? { id: my.id, canLiveWith: my.body.canLiveWith } : null,
          iCanLiveWith: iCan,
          partnerCanLiveWith: theyCan,
          common: iCan && theyCan,
        },
      ];
    });
  const commonIdeaIds = ideas.filter((i) => i.common).map((i) => i.id);

  // Agreement: the latest one recorded.
  const agreementItem = children.filter((c) => c.kind === 'talk-agreement').sort(byTime).at(-1);
  const today = calendarDateIn(input.now, input.timeZone);
  const agreement: Agreement | null =
    agreementItem?.kind === 'talk-agreement'
      ? {
          id: agreementItem.id,
          authorId: agreementItem.authorId,
          text: agreementItem.body.text,
          followUpOn: agreementItem.body.followUpOn,
          createdAt: agreementItem.createdAt,
          due: agreementItem.body.followUpOn <= today,
        }
      : null;

  // Pauses: the latest pause holds unless a resume came after it.
  const pauses = children.filter((c) => c.kind === 'talk-pause').sort(byTime);
  const lastPause = pauses.at(-1);
  const resumedAfter =
    lastPause !== undefined && children.some((c) => c.kind === 'talk-resume' && byTime(c, lastPause) > 0);
  const paused: Pause | null =
    lastPause?.kind === 'talk-pause' && !resumedAfter
      ? {
          id: lastPause.id,
          authorId: lastPause.authorId,
          until: lastPause.body.until,
          note: lastPause.body.note ?? null,
          over: Date.parse(lastPause.body.until) <= input.now.getTime(),
        }
      : null;

  const stage: ConversationStage =
    agreement !== null ? 'follow-up' : !revealed ? 'sides' : !bothHeard ? 'heard' : commonIdeaIds.length === 0 ? 'ideas' : 'agreement';
  const stepIndex = CONVERSATION_STEPS.findIndex((s) => s.step === (stage === 'follow-up' ? 'agreement' : stage));

  // Whose turn it is, for each of us.
  const turnFor = (who: 'me' | 'partner'): TurnAction[] => {
    const selfId = who === 'me' ? me : partnerId;
    if (selfId === null) return [{ kind: 'join', waiting: false }];
    if (paused !== null) return paused.over ? [{ kind: 'resume', waiting: false }] : [];
    const ownSideWritten = who === 'me' ? mine !== null : partnerHasWritten;
    const otherSideWritten = who === 'me' ? partnerHasWritten : mine !== null;
    const mySideHeard = who === 'me' ? hearingMine : hearingPartners;
    const otherSideHeard = who === 'me' ? hearingPartners : hearingMine;
    const out: TurnAction[] = [];
    switch (stage) {
      case 'sides':
        if (!ownSideWritten) out.push({ kind: 'write-side', waiting: otherSideWritten });
        break;
      case 'heard': {
        if (!otherSideHeard.heard) {
          const last = otherSideHeard.reflections.at(-1);
          if (last === undefined || last.verdict?.answer === 'not-quite') out.push({ kind: 'reflect', waiting: true });
        }
        const toAnswer = mySideHeard.reflections.at(-1);
        if (toAnswer && toAnswer.verdict === null) out.push({ kind: 'answer-reflection', reflectionId: toAnswer.id, waiting: true });
        break;
      }
      case 'ideas':
      case 'agreement': {
        if (!ideas.some((i) => i.authorId === selfId)) out.push({ kind: 'add-idea', waiting: false });
        const unmarked = ideas.filter((i) => markOf(i.id, selfId) === null);
        if (unmarked.length > 0) {
          out.push({ kind: 'mark-ideas', ideaIds: unmarked.map((i) => i.id), waiting: unmarked.some((i) => i.authorId !== selfId) });
        }
        if (stage === 'agreement') out.push({ kind: 'record-agreement', waiting: false });
        break;
      }
      case 'follow-up':
        if (agreement?.due === true) out.push({ kind: 'follow-up', waiting: false });
        break;
    }
    return out;
  };
  const turnMe = turnFor('me');
  const turnPartner = turnFor('partner');

  return {
    topic: { id: topicItem.id, authorId: topicItem.authorId, title: topicItem.body.title, why: topicItem.body.why, createdAt: topicItem.createdAt },
    stage,
    stepIndex,
    partnerId,
    sides: { mine, partners, partnerHasWritten, mineMarked, revealed, inOrder },
    hearing: { mine: hearingMine, partners: hearingPartners },
    ideas,
    commonIdeaIds,
    agreement,
    paused,
    pauseCount: pauses.length,
    turn: { me: turnMe, partner: turnPartner },
    awaitingMe: turnMe.some((a) => a.waiting),
    awaitingPartner: turnPartner.some((a) => a.waiting),
  };
}
