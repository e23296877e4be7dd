import { describe, expect, it } from 'vitest';
import {
  calendarDateIn,
  conversationState,
  isoToZonedDateTime,
  toConversationItem,
  zonedDateTimeToIso,
  type ConversationInput,
  type ConversationItem,
  type ConversationState,
} from './conversation-state.ts';

const ALEX = '00000000-0000-4000-8000-00000000a1e7';
const SAM = '00000000-0000-4000-8000-000000005a33';
const TOPIC = '00000000-0000-4000-8000-0000000070b1';

/** A little world that hands out ids and ever later timestamps, like the server. */
function world() {
  let n = 0;
  let clock = Date.parse('2030-03-01T10:00:00.000Z');
  const items: ConversationItem[] = [];
  const add = (kind: string, authorId: string, parentId: string | null, body: unknown, remindAt: string | null = null): string => {
    n += 1;
    clock += 60_000;
    const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const at = new Date(clock).toISOString();
    const item = toConversationItem({ id, kind, authorId, parentId, createdAt: at, updatedAt: at, remindAt }, body);
    if (item === null) throw new Error(`bad ${kind} body`);
    items.push(item);
    return id;
  };
  items.push({
    id: TOPIC,
    kind: 'talk-topic',
    authorId: ALEX,
    parentId: null,
    createdAt: '2030-03-01T10:00:00.000Z',
    updatedAt: '2030-03-01T10:00:00.000Z',
    remindAt: null,
    body: { title: 'Money talk', why: 'We keep arguing about the budget' },
  });
  const w = {
    items,
    side: (who: string, text: string) => {
      add('talk-side-written', who, TOPIC, {});
      return add('talk-side', who, TOPIC, { text });
    },
    reflect: (who: string, text: string) => add('talk-reflection', who, TOPIC, { text }),
    yes: (who: string, reflectionId: string) => add('talk-verdict', who, reflectionId, { verdict: 'yes' }),
    notQuite: (who: string, reflectionId: string, correction: string) => add('talk-verdict', who, reflectionId, { verdict: 'not-quite', correction }),
    idea: (who: string, text: string) => add('talk-idea', who, TOPIC, { text }),
    mark: (who: string, ideaId: string, canLiveWith: boolean) => add('talk-idea-mark', who, ideaId, { canLiveWith }),
    /** The author changes their mark: the same item, a new body and a later updatedAt. */
    remark: (markId: string, canLiveWith: boolean) => {
      const i = items.findIndex((x) => x.id === markId);
      const old = items[i];
      if (old?.kind !== 'talk-idea-mark') throw new Error('no mark');
      clock += 60_000;
      items[i] = { ...old, updatedAt: new Date(clock).toISOString(), body: { canLiveWith } };
    },
    agree: (who: string, text: string, followUpOn: string) => add('talk-agreement', who, TOPIC, { text, followUpOn }, `${followUpOn}T09:00:00.000Z`),
    pause: (who: string, until: string, note?: string) => add('talk-pause', who, TOPIC, note === undefined ? { until } : { until, note }, until),
    resume: (who: string) => add('talk-resume', who, TOPIC, {}),
    /** What one partner's device holds: the server withholds the other's side until both are written. */
    seenBy: (viewer: string): ConversationItem[] => {
      const wroteMine = items.some((i) => i.kind === 'talk-side' && i.authorId === viewer);
      return items.filter((i) => i.kind !== 'talk-side' || i.authorId === viewer || wroteMine);
    },
    state: (viewer: string, extra: Partial<ConversationInput> = {}): ConversationState => {
      const s = conversationState({
        topicId: TOPIC,
        items: w.seenBy(viewer),
        me: viewer,
        partner: viewer === ALEX ? SAM : ALEX,
        now: new Date('2030-03-02T12:00:00.000Z'),
        timeZone: 'Europe/Berlin',
        ...extra,
      });
      if (s === null) throw new Error('no state');
      return s;
    },
  };
  return w;
}

const kinds = (s: ConversationState, who: 'me' | 'partner') => s.turn[who].map((a) => a.kind);

/** Alex and Sam through both sides and a fully heard round, ready for ideas. */
function heardWorld() {
  const w = world();
  w.side(ALEX, 'I worry when money goes out and we have not talked about it.');
  w.side(SAM, 'I feel checked on when I am asked about every purchase.');
  w.yes(SAM, w.reflect(ALEX, 'You feel watched over small things.'));
  w.yes(ALEX, w.reflect(SAM, 'You get anxious when spending surprises you.'));
  return w;
}

describe('conversationState: the topic', () => {
  it('opens at "Your side" with both of us to write', () => {
    const w = world();
    const s = w.state(SAM);
    expect(s.topic).toMatchObject({ id: TOPIC, authorId: ALEX, title: 'Money talk', why: 'We keep arguing about the budget' });
    expect(s.stage).toBe('sides');
    expect(s.stepIndex).toBe(1);
    expect(s.turn.me).toEqual([{ kind: 'write-side', waiting: false }]);
    expect(s.turn.partner).toEqual([{ kind: 'write-side', waiting: false }]);
    expect(s.awaitingMe).toBe(false);
    expect(s.awaitingPartner).toBe(false);
    expect(s.paused).toBeNull();
    expect(s.pauseCount).toBe(0);
  });

  it('returns null for an id that is not a topic, and ignores other topics’ items', () => {
    const w = world();
    expect(conversationState({ topicId: 'nope', items: w.items, me: ALEX, partner: SAM, now: new Date(), timeZone: 'UTC' })).toBeNull();
    const other = toConversationItem(
      { id: 'other-side', kind: 'talk-side', authorId: SAM, parentId: 'another-topic', createdAt: '2030-03-01T11:00:00.000Z', updatedAt: '2030-03-01T11:00:00.000Z', remindAt: null },
      { text: 'elsewhere' },
    );
    if (other === null) throw new Error('setup');
    const s = conversationState({ topicId: TOPIC, items: [...w.items, other], me: ALEX, partner: SAM, now: new Date(), timeZone: 'UTC' });
    expect(s?.sides.partnerHasWritten).toBe(false);
  });
});

describe('conversationState: your side', () => {
  it('keeps the partner’s side hidden until both are written, and says who waits on whom', () => {
    const w = world();
    w.side(ALEX, 'I worry about money.');

    const alex = w.state(ALEX);
    expect(alex.stage).toBe('sides');
    expect(alex.sides.mine?.text).toBe('I worry about money.');
    expect(alex.sides.partners).toBeNull();
    expect(alex.sides.revealed).toBe(false);
    expect(alex.sides.mineMarked).toBe(true);
    expect(alex.turn.me).toEqual([]);
    expect(alex.turn.partner).toEqual([{ kind: 'write-side', waiting: true }]);
    expect(alex.awaitingPartner).toBe(true);
    expect(alex.awaitingMe).toBe(false);

    // Sam's device never got Alex's side, but knows it is written.
    const sam = w.state(SAM);
    expect(w.seenBy(SAM).some((i) => i.kind === 'talk-side')).toBe(false);
    expect(sam.sides.partnerHasWritten).toBe(true);
    expect(sam.sides.mineMarked).toBe(false);
    expect(sam.sides.partners).toBeNull();
    expect(sam.turn.me).toEqual([{ kind: 'write-side', waiting: true }]);
    expect(sam.awaitingMe).toBe(true);
  });

  it('never shows a delivered partner side before mine is written', () => {
    const w = world();
    w.side(SAM, 'Sam’s side');
    // Even if a side reached this device early, the state does not show it.
    const s = conversationState({ topicId: TOPIC, items: w.items, me: ALEX, partner: SAM, now: new Date(), timeZone: 'UTC' });
    expect(s?.sides.partners).toBeNull();
    expect(s?.sides.partnerHasWritten).toBe(true);
    expect(s?.sides.revealed).toBe(false);
    expect(s?.stage).toBe('sides');
  });

  it('reveals both sides to both once the second is written, in the order they were written', () => {
    const w = world();
    w.side(SAM, 'Sam first');
    w.side(ALEX, 'Alex second');
    for (const viewer of [ALEX, SAM]) {
      const s = w.state(viewer);
      expect(s.sides.revealed).toBe(true);
      expect(s.sides.inOrder.map((x) => x.text)).toEqual(['Sam first', 'Alex second']);
      expect(s.stage).toBe('heard');
      expect(s.stepIndex).toBe(2);
    }
    expect(w.state(ALEX).sides.partners?.text).toBe('Sam first');
    expect(w.state(SAM).sides.partners?.text).toBe('Alex second');
  });

  it('with a partner who has not joined: my side waits, and the partner’s turn is to join', () => {
    const w = world();
    w.side(ALEX, 'Alone for now');
    const s = conversationState({ topicId: TOPIC, items: w.items, me: ALEX, partner: null, now: new Date(), timeZone: 'UTC' });
    expect(s?.partnerId).toBeNull();
    expect(s?.stage).toBe('sides');
    expect(s?.sides.mine?.text).toBe('Alone for now');
    expect(s?.turn.me).toEqual([]);
    expect(s?.turn.partner).toEqual([{ kind: 'join', waiting: false }]);
    expect(s?.awaitingPartner).toBe(false);
  });

  it('a partner who left still counts as the other side of their conversations', () => {
    const w = world();
    w.side(SAM, 'Sam’s side');
    w.side(ALEX, 'Alex’s side');
    const s = conversationState({ topicId: TOPIC, items: w.items, me: ALEX, partner: null, now: new Date(), timeZone: 'UTC' });
    expect(s?.partnerId).toBe(SAM);
    expect(s?.sides.partners?.text).toBe('Sam’s side');
  });
});

describe('conversationState: what I heard', () => {
  it('loops through "not quite" until "yes, that’s it", for each side', () => {
    const w = world();
    w.side(ALEX, 'Alex’s side');
    w.side(SAM, 'Sam’s side');

    // Both start by reflecting the other's side.
    expect(kinds(w.state(ALEX), 'me')).toEqual(['reflect']);
    expect(kinds(w.state(ALEX), 'partner')).toEqual(['reflect']);

    const r1 = w.reflect(ALEX, 'You think I spend too much.');
    let sam = w.state(SAM);
    expect(sam.turn.me).toEqual([
      { kind: 'reflect', waiting: true },
      { kind: 'answer-reflection', reflectionId: r1, waiting: true },
    ]);
    expect(kinds(w.state(ALEX), 'me')).toEqual([]);

    w.notQuite(SAM, r1, 'Not too much: I want us to decide together.');
    sam = w.state(SAM);
    expect(sam.hearing.mine.heard).toBe(false);
    expect(sam.hearing.mine.reflections[0]?.verdict).toMatchObject({ answer: 'not-quite', correction: 'Not too much: I want us to decide together.' });
    // Alex's turn again: another try at what she heard.
    expect(kinds(w.state(ALEX), 'me')).toEqual(['reflect']);
    expect(sam.stage).toBe('heard');

    const r2 = w.reflect(ALEX, 'You want us to decide big things together.');
    expect(kinds(w.state(SAM), 'me')).toEqual(['reflect', 'answer-reflection']);
    w.yes(SAM, r2);
    sam = w.state(SAM);
    expect(sam.hearing.mine.heard).toBe(true);
    expect(sam.hearing.mine.reflections.map((r) => r.verdict?.answer)).toEqual(['not-quite', 'yes']);
    expect(sam.hearing.partners.heard).toBe(false);
    expect(sam.stage).toBe('heard');
    expect(kinds(w.state(ALEX), 'me')).toEqual([]);

    const r3 = w.reflect(SAM, 'You get anxious when the account surprises you.');
    expect(kinds(w.state(ALEX), 'me')).toEqual(['answer-reflection']);
    expect(w.state(SAM).awaitingPartner).toBe(true);
    w.yes(ALEX, r3);
    const done = w.state(ALEX);
    expect(done.hearing.mine.heard).toBe(true);
    expect(done.hearing.partners.heard).toBe(true);
    expect(done.stage).toBe('ideas');
    expect(done.stepIndex).toBe(3);
  });

  it('counts only the side author’s verdict, and only the latest reflection', () => {
    const w = world();
    w.side(ALEX, 'a');
    w.side(SAM, 'b');
    const r1 = w.reflect(ALEX, 'first try');
    // Alex cannot confirm her own reflection of Sam's side.
    w.yes(ALEX, r1);
    expect(w.state(SAM).hearing.mine.heard).toBe(false);
    w.yes(SAM, r1);
    expect(w.state(SAM).hearing.mine.heard).toBe(true);
    // A newer reflection, not yet answered, is what counts.
    w.reflect(ALEX, 'second try');
    expect(w.state(SAM).hearing.mine.heard).toBe(false);
    expect(kinds(w.state(SAM), 'me')).toEqual(['reflect', 'answer-reflection']);
  });
});

describe('conversationState: ideas and agreement', () => {
  it('marks ideas each could live with and highlights the ones both can', () => {
    const w = heardWorld();
    expect(kinds(w.state(ALEX), 'me')).toEqual(['add-idea']);

    const weekly = w.idea(ALEX, 'A money date every Sunday');
    const limit = w.idea(SAM, 'Talk first about anything over 100');
    let alex = w.state(ALEX);
    expect(alex.ideas.map((i) => i.text)).toEqual(['A money date every Sunday', 'Talk first about anything over 100']);
    expect(alex.turn.me).toEqual([{ kind: 'mark-ideas', ideaIds: [weekly, limit], waiting: true }]);
    expect(alex.stage).toBe('ideas');

    const alexOnWeekly = w.mark(ALEX, weekly, true);
    w.mark(ALEX, limit, true);
    w.mark(SAM, limit, false);
    alex = w.state(ALEX);
    expect(alex.commonIdeaIds).toEqual([]);
    expect(alex.ideas.find((i) => i.id === weekly)).toMatchObject({ iCanLiveWith: true, partnerCanLiveWith: false, common: false });
    expect(alex.ideas.find((i) => i.id === weekly)?.myMark).toEqual({ id: alexOnWeekly, canLiveWith: true });
    expect(kinds(w.state(SAM), 'me')).toEqual(['mark-ideas']);

    w.mark(SAM, weekly, true);
    alex = w.state(ALEX);
    expect(alex.commonIdeaIds).toEqual([weekly]);
    expect(alex.ideas.find((i) => i.id === weekly)?.common).toBe(true);
    expect(alex.stage).toBe('agreement');
    expect(alex.stepIndex).toBe(4);
    expect(kinds(alex, 'me')).toEqual(['record-agreement']);
    expect(alex.awaitingMe).toBe(false);

    // Changing one's mind updates the mark; common ground goes with it.
    w.remark(alexOnWeekly, false);
    alex = w.state(ALEX);
    expect(alex.commonIdeaIds).toEqual([]);
    expect(alex.stage).toBe('ideas');
  });

  it('records an agreement whose follow-up falls due on its date in the viewer’s time zone', () => {
    const w = heardWorld();
    const idea = w.idea(SAM, 'Phones away at dinner');
    w.mark(SAM, idea, true);
    w.mark(ALEX, idea, true);
    w.agree(ALEX, 'Phones away at dinner', '2030-03-10');

    const before = w.state(SAM, { now: new Date('2030-03-09T20:00:00.000Z') });
    expect(before.stage).toBe('follow-up');
    expect(before.stepIndex).toBe(4);
    expect(before.agreement).toMatchObject({ text: 'Phones away at dinner', followUpOn: '2030-03-10', authorId: ALEX, due: false });
    expect(before.turn.me).toEqual([]);

    // 23:30 UTC on the 9th is already the 10th in Berlin, but not yet in New York.
    const lateEvening = new Date('2030-03-09T23:30:00.000Z');
    expect(w.state(SAM, { now: lateEvening, timeZone: 'Europe/Berlin' }).agreement?.due).toBe(true);
    expect(w.state(SAM, { now: lateEvening, timeZone: 'America/New_York' }).agreement?.due).toBe(false);
    expect(kinds(w.state(SAM, { now: lateEvening }), 'me')).toEqual(['follow-up']);

    // A new agreement replaces it and moves the follow-up.
    w.agree(SAM, 'Phones away at dinner, and a walk after', '2030-03-24');
    const later = w.state(ALEX, { now: new Date('2030-03-12T12:00:00.000Z') });
    expect(later.agreement).toMatchObject({ followUpOn: '2030-03-24', due: false, authorId: SAM });
  });
});

describe('conversationState: pausing', () => {
  it('holds the conversation until someone resumes, and counts the pauses', () => {
    const w = world();
    w.side(ALEX, 'a');
    w.pause(ALEX, '2030-03-02T12:30:00.000Z', 'Let’s breathe and come back after lunch');

    let sam = w.state(SAM);
    expect(sam.paused).toMatchObject({ authorId: ALEX, until: '2030-03-02T12:30:00.000Z', note: 'Let’s breathe and come back after lunch', over: false });
    expect(sam.turn.me).toEqual([]);
    expect(sam.awaitingMe).toBe(false);
    expect(sam.pauseCount).toBe(1);
    expect(sam.stage).toBe('sides');

    // Past the planned time, the pause still holds, and resuming is the next thing to do.
    sam = w.state(SAM, { now: new Date('2030-03-02T13:00:00.000Z') });
    expect(sam.paused?.over).toBe(true);
    expect(sam.turn.me).toEqual([{ kind: 'resume', waiting: false }]);

    w.resume(SAM);
    sam = w.state(SAM);
    expect(sam.paused).toBeNull();
    expect(sam.turn.me).toEqual([{ kind: 'write-side', waiting: true }]);

    w.pause(SAM, '2030-03-03T09:00:00.000Z');
    sam = w.state(SAM);
    expect(sam.paused).toMatchObject({ authorId: SAM, note: null });
    expect(sam.pauseCount).toBe(2);
  });
});

describe('toConversationItem', () => {
  const meta = { id: 'x', authorId: ALEX, parentId: TOPIC, createdAt: '2030-01-01T00:00:00.000Z', updatedAt: '2030-01-01T00:00:00.000Z', remindAt: null };
  it('types a body by its kind and refuses bodies that do not fit', () => {
    expect(toConversationItem({ ...meta, kind: 'talk-side' }, { text: 'hello' })).toMatchObject({ kind: 'talk-side', body: { text: 'hello' } });
    expect(toConversationItem({ ...meta, kind: 'talk-side' }, { text: '' })).toBeNull();
    expect(toConversationItem({ ...meta, kind: 'talk-verdict' }, { verdict: 'not-quite' })).toBeNull();
    expect(toConversationItem({ ...meta, kind: 'note' }, { text: 'hello' })).toBeNull();
  });
});

describe('time zone helpers', () => {
  it('gives the calendar date in a zone', () => {
    const at = new Date('2030-03-09T23:30:00.000Z');
    expect(calendarDateIn(at, 'Europe/Berlin')).toBe('2030-03-10');
    expect(calendarDateIn(at, 'America/New_York')).toBe('2030-03-09');
    expect(calendarDateIn(at, 'Not/AZone')).toBe('2030-03-09');
  });

  it('turns a wall-clock time in a zone into an instant and back, across DST', () => {
    expect(zonedDateTimeToIso('2030-01-15', '09:00', 'Europe/Berlin')).toBe('2030-01-15T08:00:00.000Z');
    expect(zonedDateTimeToIso('2030-07-15', '09:00', 'Europe/Berlin')).toBe('2030-07-15T07:00:00.000Z');
    expect(zonedDateTimeToIso('2030-07-15', '09:00', 'America/Los_Angeles')).toBe('2030-07-15T16:00:00.000Z');
    expect(zonedDateTimeToIso('2030-07-15', '09:00', 'Nope/Nope')).toBe('2030-07-15T09:00:00.000Z');
    expect(zonedDateTimeToIso('15/07/2030', '09:00', 'UTC')).toBeNull();
    expect(isoToZonedDateTime('2030-07-15T07:00:00.000Z', 'Europe/Berlin')).toBe('2030-07-15T09:00');
    expect(isoToZonedDateTime('2030-01-15T08:00:00.000Z', 'Asia/Kolkata')).toBe('2030-01-15T13:30');
  });
});
