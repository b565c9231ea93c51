import { useState, type SubmitEvent } from 'react';
import { ErrorMessage, Loading, Pending } from '../components/status';
import { useFeature } from '../components/use-feature';
import { API, ApiError } from '../lib/api';
import { FEATURES } from '../lib/features';
import { useI18n } from '../lib/i18n';
import { loadSession } from '../lib/session';

interface ImportResult { accepted: number; rejected: { row: number; errors: string[] }[] }

/** `/projects/:id/intake`: upload a spreadsheet of applications (issue 12), or a notice until the server offers it. */
export function IntakePage({ id }: { id: string }) {
  const { t } = useI18n();
  const present = useFeature(FEATURES.intake);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function submit(e: SubmitEvent) {
    e.preventDefault();
    if (!file) return;
    setError(null);
    const body = new FormData();
    body.append('file', file);
    const res = await fetch(`${API}/projects/${encodeURIComponent(id)}/applications/import`, { method: 'POST', body, headers: { Authorization: `Bearer ${loadSession()?.token ?? ''}` } });
    const json: unknown = await res.json().catch(() => null);
    if (!res.ok) setError(new ApiError(res.status, json as ApiError['body']));
    else setResult(json as ImportResult);
  }
  return (
    <section aria-labelledby="intake-title">
      <h1 id="intake-title">{t('intake')} — {id}</h1>
      {present === null ? <Loading /> : !present ? <Pending>{t('intakePending', { id })}</Pending> : (
        <form className="card" onSubmit={(e) => void submit(e)}>
          <label htmlFor="intake-file">{t('intakeFile')}</label>
          <input id="intake-file" type="file" accept=".xlsx,.csv" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <button type="submit">{t('upload')}</button>
          {error !== null && <ErrorMessage error={error} />}
          {result && (
            <div role="status">
              <p className="alert alert-ok">{t('accepted', { n: result.accepted })}</p>
              <ul>{result.rejected.map((r) => <li key={r.row}>{t('rejectedRow', { row: r.row })}: {r.errors.join('; ')}</li>)}</ul>
            </div>
          )}
        </form>
      )}
    </section>
  );
}
