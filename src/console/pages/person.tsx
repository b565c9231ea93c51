import { useState, type SubmitEvent } from 'react';
import { Async, ErrorMessage } from '../components/status';
import { Timeline } from '../components/timeline';
import { useApi } from '../components/use-api';
import { API, download } from '../lib/api';
import { formatDate, formatDateTime, textOf } from '../lib/format';
import { detectorLabel, purposeLabel, useI18n } from '../lib/i18n';
import { Link, navigate } from '../lib/router';
import type { Session } from '../lib/session';
import type { AccessReport, FindingPage, LoggedEvent, PersonHistory } from '../lib/types';

export function PersonSearch({ initial = '' }: { initial?: string }) {
  const { t } = useI18n();
  const [id, setId] = useState(initial);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    navigate(`/people/${id.replace(/\D/g, '')}`);
  };
  return (
    <form className="card inline-form" onSubmit={submit} role="search">
      <label htmlFor="citizen-id">{t('citizenId')}</label>
      <input id="citizen-id" name="citizenId" inputMode="numeric" pattern="\d{12}" maxLength={12} required value={id}
        onChange={(e) => setId(e.target.value)} aria-describedby="citizen-id-help" />
      <span id="citizen-id-help" className="muted">{t('citizenIdHelp')}</span>
      <button type="submit">{t('lookUp')}</button>
    </form>
  );
}

/** Applications and benefits read off the person's events (ApplicationSubmitted, BenefitClaimed/Released). */
export function summarise(events: LoggedEvent[]) {
  const applications = events.filter((e) => e.type === 'ApplicationSubmitted').map((e) => ({
    stream: e.stream, projectId: textOf(e.data.projectId), submittedAt: textOf(e.data.submittedAt ?? e.metadata.recordedAt),
  }));
  const released = new Set(events.filter((e) => e.type === 'BenefitReleased').map((e) => String(e.data.claimId)));
  const benefits = events.filter((e) => e.type === 'BenefitClaimed').map((e) => ({
    claimId: String(e.data.claimId), projectId: textOf(e.data.projectId), unitNo: textOf(e.data.unitNo), live: !released.has(String(e.data.claimId)),
  }));
  return { applications, benefits };
}

/** `/people/:citizenId`: every event naming the person, their files and benefits, findings, and the subject-access report. */
export function PersonPage({ citizenId, session }: { citizenId: string; session: Session }) {
  const { t, lang } = useI18n();
  const history = useApi<PersonHistory>(`${API}/people/${citizenId}/history`);
  const findings = useApi<FindingPage>(`${API}/findings?citizenId=${citizenId}&pageSize=50`);
  const mayReport = session.role === 'inspector' || session.role === 'admin';
  return (
    <section aria-labelledby="person-title">
      <PersonSearch initial={citizenId} />
      <h1 id="person-title">{t('personTitle', { id: citizenId })}</h1>
      <Async state={history}>
        {(h) => {
          const { applications, benefits } = summarise(h.events);
          return (
            <>
              <div className="grid-2">
                <div className="card">
                  <h2>{t('applications')}</h2>
                  {applications.length === 0 ? <p>{t('none')}</p> : (
                    <ul>{applications.map((a) => <li key={a.stream}><code>{a.stream}</code> — <Link href={`/projects/${a.projectId}`}>{a.projectId}</Link>, {formatDate(a.submittedAt)}</li>)}</ul>
                  )}
                </div>
                <div className="card">
                  <h2>{t('benefits')}</h2>
                  {benefits.length === 0 ? <p>{t('none')}</p> : (
                    <ul>{benefits.map((b) => <li key={b.claimId}><Link href={`/projects/${b.projectId}`}>{b.projectId}</Link> / {b.unitNo}{b.live ? '' : ` (${t('benefitReleased')})`}</li>)}</ul>
                  )}
                </div>
              </div>
              <div className="card">
                <h2>{t('findingsOfPerson')}</h2>
                <Async state={findings}>
                  {(page) => page.items.length === 0 ? <p>{t('none')}</p> : (
                    <ul>{page.items.map((f) => <li key={f.id} data-finding-id={f.id}><Link href={`/findings/${encodeURIComponent(f.id)}`}>{detectorLabel(lang, f.detector)}</Link> — {f.summary}</li>)}</ul>
                  )}
                </Async>
              </div>
              <div className="card">
                <h2>{t('history')}</h2>
                {h.withheld > 0 && <p className="muted">{t('withheld', { n: h.withheld })}</p>}
                {h.events.length === 0 ? <p>{t('none')}</p> : <Timeline events={h.events} label={t('history')} />}
              </div>
            </>
          );
        }}
      </Async>
      {mayReport ? <AccessReportCard citizenId={citizenId} /> : <p className="muted">{t('accessReportForbidden')}</p>}
    </section>
  );
}

function AccessReportCard({ citizenId }: { citizenId: string }) {
  const { t, lang } = useI18n();
  const report = useApi<AccessReport>(`${API}/people/${citizenId}/access-report`);
  const [error, setError] = useState<unknown>(null);
  return (
    <div className="card access-report" aria-labelledby="access-title" data-testid="access-report">
      <h2 id="access-title">{t('accessReport')}</h2>
      <p className="muted">{t('accessReportHelp')}</p>
      <div className="actions no-print">
        <button type="button" onClick={() => window.print()}>{t('print')}</button>
        <button type="button" onClick={() => void download(`${API}/people/${citizenId}/access-report?format=xlsx`, `truy-cap-${citizenId}.xlsx`).catch(setError)}>{t('exportXlsx')}</button>
      </div>
      {error !== null && <ErrorMessage error={error} />}
      <Async state={report}>
        {(r) => r.reads.length === 0 ? <p>{t('none')}</p> : (
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">{t('when')}</th><th scope="col">{t('who')}</th><th scope="col">{t('role')}</th><th scope="col">{t('why')}</th><th scope="col">{t('what')}</th></tr></thead>
              <tbody>
                {r.reads.map((read) => (
                  <tr key={read.eventId + read.ids.join()}>
                    <td>{formatDateTime(read.at)}</td>
                    <td>{read.subject}</td>
                    <td>{t(`role_${read.role}`)}{read.province ? ` (${read.province})` : ''}</td>
                    <td>{purposeLabel(lang, read.endpoint)}<br /><code className="muted">{read.endpoint}</code></td>
                    <td className="wrap">{read.ids.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
    </div>
  );
}
