/** The subscribable feed; filled in once the server's feed routes exist. */
export function CalendarFeed() {
  return null;
}
