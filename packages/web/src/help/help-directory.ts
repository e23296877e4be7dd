import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_HELP_DIRECTORY, helpDirectory, type HelpDirectory } from '@hearth/core';
import { api } from '../shared/api.ts';

// Apart from help-data.ts, whose records Today's Help card needs: the directory is for the Help screens only (decision 0046).

/** The help directory the operator configured (or the built-in one when the server can't be asked). */
export async function fetchDirectory(): Promise<HelpDirectory> {
  const res = await api.get('/api/help/directory', helpDirectory);
  return res.ok ? res.value : DEFAULT_HELP_DIRECTORY;
}

export function useDirectory(): HelpDirectory {
  const [dir, setDir] = useState<HelpDirectory>(DEFAULT_HELP_DIRECTORY);
  useEffect(() => {
    let alive = true;
    void fetchDirectory().then((d) => {
      if (alive) setDir(d);
    });
    return () => {
      alive = false;
    };
  }, []);
  return dir;
}
