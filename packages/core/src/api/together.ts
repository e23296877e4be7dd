import { z } from 'zod/mini';

/** Whether this member has a calendar feed address; the address itself is shown only when made. */
export const calendarFeedStatus = z.object({ active: z.boolean(), createdAt: z.nullable(z.string()) });
export type CalendarFeedStatus = z.infer<typeof calendarFeedStatus>;

/** Making (or rotating) the feed address: an empty object, so a malformed request changes nothing. */
export const calendarFeedRequest = z.strictObject({});

/** A new feed address (the previous one stops working). */
export const calendarFeedCreated = z.object({ url: z.string(), createdAt: z.string() });
export type CalendarFeedCreated = z.infer<typeof calendarFeedCreated>;
