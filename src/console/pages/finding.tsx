import { useState, type SubmitEvent } from 'react';
import { Async, ErrorMessage, Pending } from '../components/status';
import { Timeline } from '../components/timeline';
import { useApi } from '../components/use-api';
import { useFeature } from '../components/use-feature';
import { API, download, request } from '../lib/api';
import { FEATURES } from '../lib/features';
import { formatDateTime } from '../lib/format';
import { detectorLabel, useI18n } from '../lib/i18n';
import { Link } from '../lib/router';
import type { Session } from '../lib/session';
import type { FindingDetail } from '../lib/types';

/** `/findings/:id`: summary, people, evidence timeline, the review form and (once issue 10 lands) the evidence bundle. */
export function FindingPage({ id, session }: { id: string; session: Session }) {
  const { t, lang } = useI18n();
  const state = useApi<FindingDetail>(`${API}/findings/${encodeURIComponent(id)}`);
  return (
    <section aria-labelledby="finding-title">
      <h1 id="finding-title">{t('findingTitle', { id })}</h1>
      <Async state={state}>
        {(f) => (
          <>
            <div className="card">
              <h2>{t('summary')}</h2>
              <p>{f.summary}</p>
              <dl className="pairs">
                <dt>{t('detector')}</dt><dd>{detectorLabel(lang, f.detector)}</dd>
                <dt>{t('severity')}</dt><dd><span className={`badge sev-${f.severity}`}>{t(`severity_${f.severity}`)}</span></dd>
                <dt>{t('status')}</dt><dd>{t(`status_${f.status}`)}</dd>
                <dt>{t('province')}</dt><dd>{f.provinceCode ?? '—'}</dd>
                <dt>{t('firstSeen')}</dt><dd><code>{f.firstSeenPosition}</code></dd>
                <dt>{t('review')}</dt>
                <dd data-testid="current-review">{f.review ? `${t(`verdict_${f.review.verdict}`)} — ${f.review.note} (${f.review.reviewedBy}, ${formatDateTime(f.review.reviewedAt)})` : t('notReviewed')}</dd>
              </dl>
            </div>
            <div className="card">
              <h2>{t('people')}</h2>
              <ul className="inline-list">
                {f.citizenIds.map((c) => <li key={c}><Link href={`/people/${c}`}>{c}</Link></li>)}
              </ul>
            </div>
            <div className="card">
              <h2>{t('evidence')}</h2>
              {f.unavailableEvidence.length > 0 && <Pending>{t('unavailable', { n: f.unavailableEvidence.length })}</Pending>}
              <Timeline events={f.evidenceEvents} label={t('evidence')} />
            </div>
            <EvidenceBundle id={f.id} />
            {session.role !== 'board' && <ReviewForm id={f.id} onSaved={state.reload} />}
          </>
        )}
      </Async>
    </section>
  );
}

function ReviewForm({ id, onSaved }: { id: string; onSaved: () => void }) {
  const { t } = useI18n();
  const [verdict, setVerdict] = useState<'confirmed' | 'dismissed'>('confirmed');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    setBusy(true);
    try {
      await request(`${API}/findings/${encodeURIComponent(id)}/review`, { method: 'POST', body: { verdict, note } });
      setSaved(true);
      setNote('');
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="review-title">
      <h2 id="review-title">{t('reviewForm')}</h2>
      <fieldset>
        <legend>{t('verdict')}</legend>
        {(['confirmed', 'dismissed'] as const).map((v) => (
          <label key={v} className="radio">
            <input type="radio" name="verdict" value={v} checked={verdict === v} onChange={() => setVerdict(v)} /> {t(`verdict_${v}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor="review-note">{t('note')}</label>
      <textarea id="review-note" name="note" rows={3} required maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} />
      {error !== null && <ErrorMessage error={error} />}
      {saved && <p role="status" className="alert alert-ok">{t('reviewSaved')}</p>}
      <button type="submit" disabled={busy}>{t('submitReview')}</button>
    </form>
  );
}

/** Issue 10 (signed checkpoints, evidence bundles) is in progress: the download appears once the server documents it. */
function EvidenceBundle({ id }: { id: string }) {
  const { t } = useI18n();
  const present = useFeature(FEATURES.evidenceBundle);
  const [error, setError] = useState<unknown>(null);
  if (present === null) return null;
  return (
    <div className="card" data-testid="evidence-bundle">
      <h2>{t('bundleTitle')}</h2>
      {present ? (
        <>
          <button type="button" onClick={() => void download(`${API}/findings/${encodeURIComponent(id)}/evidence-bundle`, `evidence-${id}.json`).catch(setError)}>
            {t('bundleDownload')}
          </button>
          {error !== null && <ErrorMessage error={error} />}
        </>
      ) : (
        <Pending>{t('bundlePending')}</Pending>
      )}
    </div>
  );
}
