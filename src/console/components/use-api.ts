import { useCallback, useEffect, useState } from 'react';
import { request, type RequestOptions } from '../lib/api';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** GET `path` (null: nothing to load yet), again whenever it changes or reload() is called. */
export function useApi<T>(path: string | null, options: Pick<RequestOptions, 'anonymous'> = {}): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean; path: string | null }>({ data: null, error: null, loading: path !== null, path });
  const [tick, setTick] = useState(0);
  const anonymous = options.anonymous ?? false;
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    // A reload of the same path keeps what is shown (and the forms in it) until the answer comes.
    setState((s) => ({ data: s.path === path ? s.data : null, error: null, loading: true, path }));
    request<T>(path, { anonymous, signal: controller.signal }).then(
      (data) => setState({ data, error: null, loading: false, path }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ data: null, error, loading: false, path });
      },
    );
    return () => controller.abort();
  }, [path, tick, anonymous]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  // Until the effect runs for a new path, what is held belongs to the old one.
  const current = state.path === path;
  return { data: current ? state.data : null, error: current ? state.error : null, loading: current ? state.loading : true, reload };
}
