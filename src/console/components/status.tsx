import type { ReactNode } from 'react';
import { ApiError } from '../lib/api';
import { useI18n, type MessageKey } from '../lib/i18n';

/** What went wrong, in words: 401 and 403 explained, 400's field lines listed. */
export function errorText(error: unknown, t: (k: MessageKey, p?: Record<string, string | number>) => string): { text: string; lines: string[] } {
  if (error instanceof ApiError) {
    const lines = error.details;
    switch (error.status) {
      case 401: return { text: t('err401'), lines: [] };
      case 403: return { text: t('err403'), lines };
      case 404: return { text: t('err404'), lines };
      case 400: return { text: t('err400'), lines };
      case 409: return { text: t('err409', { code: error.body?.code ?? '409' }), lines };
      case 501: return { text: t('err501'), lines };
      default: return { text: t('errOther', { status: error.status }), lines };
    }
  }
  return { text: t('errNetwork'), lines: [] };
}

export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  const { text, lines } = errorText(error, t);
  return (
    <div role="alert" className="alert alert-error">
      <p>{text}</p>
      {lines.length > 0 && <ul>{lines.map((l) => <li key={l}>{l}</li>)}</ul>}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return <p role="status" className="muted">{t('loading')}</p>;
}

/** Loading, error or the content. */
export function Async<T>({ state, children }: { state: { data: T | null; error: unknown; loading: boolean }; children: (data: T) => ReactNode }) {
  if (state.error) return <ErrorMessage error={state.error} />;
  if (state.data === null) return <Loading />;
  return <>{children(state.data)}</>;
}

export function Pending({ children }: { children: ReactNode }) {
  return <div role="note" className="alert alert-info">{children}</div>;
}
