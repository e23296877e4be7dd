/** "Sun 1 Mar, 12:30" in the viewer's zone. */
export function formatOccurrence(at: Date, timeZone: string): string {
  try {
    return at.toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone });
  } catch {
    return at.toLocaleString();
  }
}
