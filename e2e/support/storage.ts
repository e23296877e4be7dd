import type { Page } from '@playwright/test';

/** Every record Hearth keeps in IndexedDB, as "database/store: count" for the stores that hold any. */
export async function storedRecords(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const found: string[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (name === undefined || !name.startsWith('hearth')) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('open failed'));
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const count = await new Promise<number>((resolve) => {
          const req = db.transaction(store).objectStore(store).count();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => resolve(-1);
        });
        if (count !== 0) found.push(`${name}/${store}: ${String(count)}`);
      }
      db.close();
    }
    return found;
  });
}
