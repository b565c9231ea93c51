import { useCallback, useEffect, useState } from 'react';
import { request, type RequestOptions } from '../lib/api';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/** GET `path` (null: nothing to load yet), again whenever it changes or reload() is called. */
export function useApi<T>(path: string | null, options: Pick<RequestOptions, 'anonymous'> = {}): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({ data: null, error: null, loading: path !== null });
  const [tick, setTick] = useState(0);
  const anonymous = options.anonymous ?? false;
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    request<T>(path, { anonymous, signal: controller.signal }).then(
      (data) => setState({ data, error: null, loading: false }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ data: null, error, loading: false });
      },
    );
    return () => controller.abort();
  }, [path, tick, anonymous]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}
