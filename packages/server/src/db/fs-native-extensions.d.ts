// fs-native-extensions ships no types; these are the two calls Hearth uses (decision 0051).
declare module 'fs-native-extensions' {
  /** Takes an advisory lock on an open file without waiting; false when another open file holds it. */
  export function tryLock(fd: number, offset?: number, length?: number, opts?: { shared?: boolean }): boolean;
  export function unlock(fd: number, offset?: number, length?: number): void;
}
