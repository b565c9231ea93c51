import { useEffect, useState } from 'react';
import { apiPaths } from '../lib/features';

/** null while unknown, then whether the server documents `path`. */
export function useFeature(path: string): boolean | null {
  const [present, setPresent] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void apiPaths().then((set) => live && setPresent(set.has(path)));
    return () => {
      live = false;
    };
  }, [path]);
  return present;
}
