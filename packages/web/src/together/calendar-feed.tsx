import { useEffect, useState } from 'preact/hooks';
import { calendarFeedCreated, calendarFeedStatus, type CalendarFeedStatus } from '@hearth/core/api';
import { api } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { ErrorMessage, formatDate, useAction } from '../shared/ui.tsx';

/**
 * The subscribable calendar feed (decision 0017). The server keeps only a hash of the
 * address, so it is shown once, right after it is made; making a new one ends the old.
 */
export function CalendarFeed({ timeZone, headingId }: { timeZone: string; headingId: string }) {
  const [status, setStatus] = useState<CalendarFeedStatus | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState('');
  useEffect(() => {
    void api.get(endpoints.calendarFeed, calendarFeedStatus).then((res) => {
      if (res.ok) setStatus(res.value);
    });
  }, []);
  const make = useAction(async () => {
    const res = await api.post(endpoints.calendarFeed, {}, calendarFeedCreated);
    if (res.ok) {
      setUrl(res.value.url);
      setStatus({ active: true, createdAt: res.value.createdAt });
      setCopied('');
    }
    return res;
  });
  const stop = useAction(async () => {
    const res = await api.send('DELETE', endpoints.calendarFeed);
    if (res.ok) {
      setUrl(null);
      setStatus({ active: false, createdAt: null });
    }
    return res;
  });
  const copy = async () => {
    if (url === null) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Copied.');
    } catch {
      setCopied('Select the address and copy it by hand.');
    }
  };
  const active = status?.active === true;
  return (
    <div class="calendar-feed">
      <h2 id={headingId}>Subscribe</h2>
      <p class="hint">
        Your calendar app can follow your rituals and dates. It shows them as "Hearth: time together", never their titles, with a link back here.
        Anyone with the address can see when you meet, so keep it to yourself.
      </p>
      {url !== null ? (
        <div class="field">
          <label for="feed-url">Your feed address (shown once)</label>
          <input id="feed-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          <div class="actions">
            <button type="button" onClick={() => void copy()}>
              Copy address
            </button>
          </div>
          <p role="status">{copied}</p>
        </div>
      ) : active && status?.createdAt ? (
        <p>A feed address made on {formatDate(status.createdAt, timeZone)} is in use. Hearth keeps only a fingerprint of it, so it can't be shown again.</p>
      ) : null}
      <div class="actions">
        <button type="button" disabled={make.busy} onClick={() => void make.run()}>
          {active ? 'Make a new address (the old one stops working)' : 'Make a feed address'}
        </button>
        {active ? (
          <button type="button" disabled={stop.busy} onClick={() => void stop.run()}>
            Turn the feed off
          </button>
        ) : null}
      </div>
      <ErrorMessage message={make.error ?? stop.error} />
    </div>
  );
}
