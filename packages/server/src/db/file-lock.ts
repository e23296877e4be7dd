import { createRequire } from 'node:module';

/**
 * The operating system's advisory file lock (decision 0051), from fs-native-extensions:
 * an OFD lock on Linux, flock on macOS, LockFileEx on Windows. The package ships no
 * types, so its one call we use is loaded and checked here.
 */
function loadTryLock(): (fd: number) => boolean {
  const native: unknown = createRequire(import.meta.url)('fs-native-extensions');
  const tryLock: unknown = typeof native === 'object' && native !== null ? Reflect.get(native, 'tryLock') : undefined;
  if (typeof tryLock !== 'function') throw new Error('fs-native-extensions did not load: the data folder cannot be locked.');
  return (fd) => Reflect.apply(tryLock, native, [fd]) === true;
}

/** Takes an exclusive lock on an open file without waiting; false when another open file holds it. */
export const tryLockFile = loadTryLock();
