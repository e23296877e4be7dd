import { useId, useMemo, useState } from 'preact/hooks';
import {
  SPARK_LEVELS,
  SPARK_LEVEL_LABELS,
  err,
  levelAllowed,
  ok,
  suggestSparkPrompts,
  type Result,
  type SparkLevel,
  type SparkMessageBody,
  type SparkPrompt,
} from '@hearth/core';
import { ErrorMessage, useAction } from '../shared/ui.tsx';
import type { SparkData, SparkMessages } from './spark-data.ts';

const SUGGESTIONS = 4;
const DAY_MS = 86_400_000;

/** "HH:MM" today in this device's zone, as an instant; null if it is not later today. */
export function laterToday(time: string, now: Date): Date | null {
  const m = /^(\d\d):(\d\d)$/.exec(time);
  if (!m?.[1] || !m[2]) return null;
  const at = new Date(now);
  at.setHours(Number(m[1]), Number(m[2]), 0, 0);
  return at.getTime() > now.getTime() ? at : null;
}

/**
 * Pick a prompt or write your own, then send now or later today. Suggestions never go
 * above the couple's level and quietly leave out kinds the partner marked "not my
 * thing" (decision 0034); nothing here says so.
 */
export function SparkComposer({ level, data, messages, partner }: { level: SparkLevel; data: SparkData; messages: SparkMessages; partner: string }) {
  const id = useId();
  const [round, setRound] = useState(0);
  const [prompt, setPrompt] = useState<SparkPrompt | null>(null);
  const [text, setText] = useState('');
  const [warmth, setWarmth] = useState<SparkLevel>('sweet');
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [time, setTime] = useState('');
  const [status, setStatus] = useState<string | null>(null);

  const recentIds = useMemo(
    () => data.threads.filter((t) => t.item.authorId === messages.me).flatMap((t) => (t.body.promptId === null ? [] : [t.body.promptId])),
    [data.threads, messages.me],
  );
  const suggestions = useMemo(
    () =>
      suggestSparkPrompts({
        level,
        avoidKinds: data.partnerAvoid,
        recentIds,
        seed: Math.floor(Date.now() / DAY_MS) * 31 + round,
        count: SUGGESTIONS,
      }),
    [level, data.partnerAvoid, recentIds, round],
  );

  const send = useAction(async (): Promise<Result<unknown>> => {
    const words = text.trim();
    if (words === '') return err('empty', 'Write something, or pick a prompt first.');
    let remindAt: string | null = null;
    if (when === 'later') {
      const at = laterToday(time, new Date());
      if (at === null) return err('time', 'Pick a time later today.');
      remindAt = at.toISOString();
    }
    // A prompt carries its own level; my own words carry the warmth I chose, never above ours.
    const tag: SparkLevel = prompt !== null && prompt.text === words ? prompt.level : levelAllowed(warmth, level) ? warmth : level;
    const body: SparkMessageBody = {
      v: 1,
      level: tag,
      text: words,
      promptId: prompt?.id ?? null,
      promptKind: prompt?.kind ?? null,
    };
    const res = await messages.create('spark-message', body, { remindAt, sparkLevel: tag });
    if (!res.ok) return res;
    setStatus(remindAt === null ? `Sent to ${partner}.` : `Scheduled for ${time} today.`);
    setText('');
    setPrompt(null);
    setRound((r) => r + 1);
    return ok(undefined);
  });

  return (
    <section class="card spark-composer" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Send something flirty</h2>
      <p class="hint">Pick a prompt to start from, or write your own.</p>
      <ul class="spark-prompts" aria-label="Prompt ideas">
        {suggestions.map((p) => (
          <li key={p.id} class="spark-prompt" data-level={p.level}>
            <p>{p.text}</p>
            <button
              type="button"
              aria-label={`Use this prompt: ${p.text}`}
              onClick={() => {
                setPrompt(p);
                setText(p.text);
                setWarmth(p.level);
                setStatus(null);
              }}
            >
              Use this
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => setRound((r) => r + 1)}>
        Other ideas
      </button>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void send.run();
        }}
      >
        <div class="field">
          <label for={`${id}-text`}>Your message to {partner}</label>
          <textarea id={`${id}-text`} rows={3} maxLength={2000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </div>
        {prompt === null || prompt.text !== text.trim() ? (
          <div class="field">
            <label for={`${id}-warmth`}>How warm is it?</label>
            <select id={`${id}-warmth`} value={warmth} onChange={(e) => setWarmth(SPARK_LEVELS.find((l) => l === e.currentTarget.value) ?? 'sweet')}>
              {SPARK_LEVELS.filter((l) => levelAllowed(l, level)).map((l) => (
                <option key={l} value={l}>
                  {SPARK_LEVEL_LABELS[l]}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <fieldset class="radios">
          <legend>When</legend>
          <div class="check">
            <input id={`${id}-now`} type="radio" name={`${id}-when`} checked={when === 'now'} onChange={() => setWhen('now')} />
            <label for={`${id}-now`}>Now</label>
          </div>
          <div class="check">
            <input id={`${id}-later`} type="radio" name={`${id}-when`} checked={when === 'later'} onChange={() => setWhen('later')} />
            <label for={`${id}-later`}>Later today</label>
          </div>
          {when === 'later' ? (
            <div class="field">
              <label for={`${id}-time`}>At</label>
              <input id={`${id}-time`} type="time" required value={time} onInput={(e) => setTime(e.currentTarget.value)} />
            </div>
          ) : null}
        </fieldset>
        <ErrorMessage message={send.error} />
        <button type="submit" class="primary" disabled={send.busy}>
          {when === 'now' ? 'Send' : 'Schedule'}
        </button>
        <p class="status" role="status">
          {send.busy ? 'Sending…' : status}
        </p>
      </form>
    </section>
  );
}
