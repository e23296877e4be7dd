import { helpShareBody, privateRecordBody } from '../help/records.ts';
import { togetherMarkBody } from '../together/bodies.ts';
import type { ActivityType } from './weeks.ts';

/** A decrypted item as the device holds it; `body` is null when it could not be opened. */
export type ActivityItem = {
  readonly kind: string;
  readonly visibility: 'shared' | 'private';
  readonly mine: boolean;
  readonly createdAt: string;
  readonly body: unknown;
};

export type Activity = { readonly type: ActivityType; readonly at: string; readonly mine: boolean };

const BY_KIND: Readonly<Record<string, ActivityType>> = {
  checkin: 'checkin',
  'daily-question-answer': 'question-answer',
  'talk-side': 'talk-side',
  'together-date': 'date-planned',
  'together-ritual': 'ritual-planned',
  'together-first': 'first-first',
  'together-idea': 'idea',
  'support-thanks': 'thanks',
  'support-plate': 'plate',
  'support-win': 'win',
  'support-celebration': 'win',
  'spark-message': 'spark-message',
  'spark-wish-band': 'rhythm-band',
};

/** What an item says happened, for the programme; null for anything it does not count. */
export function activityOf(item: ActivityItem): ActivityType | null {
  const direct = BY_KIND[item.kind];
  if (direct !== undefined) return direct;
  switch (item.kind) {
    case 'note':
      return item.visibility === 'shared' ? 'shared-note' : null;
    case 'together-mark': {
      const mark = togetherMarkBody.safeParse(item.body);
      return mark.success && mark.data.outcome === 'done' ? 'plan-kept' : null;
    }
    case 'private-record': {
      const record = privateRecordBody.safeParse(item.body);
      if (!record.success) return null;
      if (record.data.type === 'pulse') return 'pulse';
      if (record.data.type === 'desire-answers') return 'desires';
      if (record.data.type === 'programme-reflection' && record.data.week === 6) return 'shared-note';
      return null;
    }
    case 'help-share': {
      const share = helpShareBody.safeParse(item.body);
      if (!share.success) return null;
      if (share.data.type === 'pulse') return 'pulse-shared';
      if (share.data.type === 'programme-reflection' && share.data.week === 6) return 'shared-note';
      return null;
    }
    default:
      return null;
  }
}

/** Every activity the items show, oldest first. */
export function activitiesOf(items: readonly ActivityItem[]): Activity[] {
  const out: Activity[] = [];
  for (const item of items) {
    const type = activityOf(item);
    if (type !== null) out.push({ type, at: item.createdAt, mine: item.mine });
  }
  return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
