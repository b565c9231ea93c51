import { useState, type SubmitEvent } from 'react';
import { Async } from '../components/status';
import { useApi } from '../components/use-api';
import { API, queryString } from '../lib/api';
import { formatDate } from '../lib/format';
import { DETECTORS, detectorLabel, useI18n } from '../lib/i18n';
import { Link, navigate, useCurrent } from '../lib/router';
import type { Session } from '../lib/session';
import type { FindingPage } from '../lib/types';

const PAGE_SIZE = 20;
const FILTERS = ['detector', 'province', 'status', 'severity'] as const;

/** `/findings?detector=&province=&status=&severity=&page=`: the filters live in the URL, so a filtered list can be shared. */
export function FindingsPage({ session }: { session: Session }) {
  const { t, lang } = useI18n();
  const { search } = useCurrent();
  const current = Object.fromEntries(FILTERS.map((f) => [f, search.get(f) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  if (session.role === 'board') current.province = session.province ?? '';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const state = useApi<FindingPage>(`${API}/findings${queryString({ ...current, page, pageSize: PAGE_SIZE })}`);
  const [draft, setDraft] = useState(current);
  const go = (filters: Record<string, string>, toPage = 1) => navigate(`/findings${queryString({ ...filters, page: toPage > 1 ? toPage : undefined })}`);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    go(draft);
  };

  return (
    <section aria-labelledby="findings-title">
      <h1 id="findings-title">{t('findingsTitle')}</h1>
      <form className="filters card" onSubmit={submit} aria-label={t('filter')}>
        <div className="field">
          <label htmlFor="f-detector">{t('detector')}</label>
          <select id="f-detector" name="detector" value={draft.detector} onChange={(e) => setDraft({ ...draft, detector: e.target.value })}>
            <option value="">{t('allDetectors')}</option>
            {DETECTORS.map((d) => <option key={d} value={d}>{detectorLabel(lang, d)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-province">{t('province')}</label>
          <input id="f-province" name="province" inputMode="numeric" pattern="\d{2}" maxLength={2} placeholder="31" value={draft.province}
            readOnly={session.role === 'board'} onChange={(e) => setDraft({ ...draft, province: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="f-status">{t('status')}</label>
          <select id="f-status" name="status" value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
            <option value="">{t('allStatuses')}</option>
            <option value="open">{t('status_open')}</option>
            <option value="closed">{t('status_closed')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-severity">{t('severity')}</label>
          <select id="f-severity" name="severity" value={draft.severity} onChange={(e) => setDraft({ ...draft, severity: e.target.value })}>
            <option value="">{t('allSeverities')}</option>
            {['high', 'medium', 'low'].map((s) => <option key={s} value={s}>{t(`severity_${s}`)}</option>)}
          </select>
        </div>
        <button type="submit">{t('filter')}</button>
      </form>
      <Async state={state}>
        {(data) => {
          const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
          const counts = Object.entries(data.countsByDetector ?? {}).sort(([, a], [, b]) => b - a);
          return (
            <>
              {counts.length > 0 && (
                <nav aria-label={t('countsPerDetector')} className="chips">
                  {counts.map(([detector, n]) => (
                    <Link key={detector} href={`/findings${queryString({ ...current, detector })}`} className={current.detector === detector ? 'chip active' : 'chip'}
                      aria-current={current.detector === detector ? 'true' : undefined} data-detector={detector}>
                      {detectorLabel(lang, detector)} <span className="count">{n}</span>
                    </Link>
                  ))}
                </nav>
              )}
              <p className="muted" aria-live="polite">{t('total', { n: data.total })}</p>
              {data.items.length === 0 ? <p>{t('none')}</p> : (
                <ul className="finding-list">
                  {data.items.map((f) => (
                    <li key={f.id} data-finding-id={f.id} className={`finding sev-${f.severity}`}>
                      <div className="finding-head">
                        <Link href={`/findings/${encodeURIComponent(f.id)}`} className="finding-link">{detectorLabel(lang, f.detector)}</Link>
                        <span className={`badge sev-${f.severity}`}>{t(`severity_${f.severity}`)}</span>
                        <span className="badge">{t(`status_${f.status}`)}</span>
                        {f.provinceCode && <span className="badge">{t('province')} {f.provinceCode}</span>}
                      </div>
                      <p>{f.summary}</p>
                      <p className="review-line" data-review={f.review?.verdict ?? 'none'}>
                        {f.review ? `${t(`verdict_${f.review.verdict}`)} — ${f.review.note} (${f.review.reviewedBy}, ${formatDate(f.review.reviewedAt)})` : t('notReviewed')}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
              <nav className="pager" aria-label={t('page', { page, pages })}>
                <button type="button" disabled={page <= 1} onClick={() => go(current, page - 1)}>{t('previous')}</button>
                <span>{t('page', { page, pages })}</span>
                <button type="button" disabled={page >= pages} onClick={() => go(current, page + 1)}>{t('next')}</button>
              </nav>
            </>
          );
        }}
      </Async>
    </section>
  );
}
