import { Fragment, useState, type SubmitEvent } from 'react';
import { Async } from '../components/status';
import { useApi } from '../components/use-api';
import { API } from '../lib/api';
import { formatDate, formatNumber, formatVnd, textOf } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { Link, navigate } from '../lib/router';
import type { ProjectOverview } from '../lib/types';

export function ProjectSearch({ initial = '' }: { initial?: string }) {
  const { t } = useI18n();
  const [id, setId] = useState(initial);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    navigate(`/projects/${encodeURIComponent(id.trim())}`);
  };
  return (
    <form className="card inline-form" onSubmit={submit} role="search">
      <label htmlFor="project-id">{t('projectId')}</label>
      <input id="project-id" name="projectId" required value={id} onChange={(e) => setId(e.target.value)} />
      <button type="submit">{t('lookUp')}</button>
    </form>
  );
}

/** `/projects/:id`: units and their states (allocations, handovers, transfers), applications with eligibility and rank. */
export function ProjectPage({ id }: { id: string }) {
  const { t } = useI18n();
  const state = useApi<ProjectOverview>(`${API}/projects/${encodeURIComponent(id)}/overview`);
  return (
    <section aria-labelledby="project-title">
      <ProjectSearch initial={id} />
      <Async state={state}>
        {(p) => {
          const byStatus = p.units.reduce<Record<string, number>>((acc, u) => ({ ...acc, [u.status]: (acc[u.status] ?? 0) + 1 }), {});
          const ranked = p.applications.filter((a) => a.priorityRank !== null);
          return (
            <>
              <h1 id="project-title">{t('projectTitle', { name: p.name })}</h1>
              <div className="card">
                <dl className="pairs">
                  <dt>{t('projectId')}</dt><dd><code>{p.projectId}</code></dd>
                  <dt>{t('province')}</dt><dd>{p.provinceCode}</dd>
                  <dt>{t('plannedUnits')}</dt><dd>{formatNumber(p.plannedUnits)}</dd>
                  <dt>{t('releasedUnits')}</dt><dd>{formatNumber(p.releasedUnits)}</dd>
                  {Object.entries(byStatus).map(([s, n]) => <Fragment key={s}><dt>{t(`unit_${s}`)}</dt><dd>{formatNumber(n)}</dd></Fragment>)}
                </dl>
                <p className="actions">
                  <Link href={`/projects/${encodeURIComponent(p.projectId)}/intake`}>{t('intake')}</Link>
                  <Link href={`/public/projects/${encodeURIComponent(p.projectId)}`}>{t('navPublic')}</Link>
                </p>
              </div>
              <div className="card">
                <h2>{t('units')}</h2>
                {p.units.length === 0 ? <p>{t('none')}</p> : (
                  <div className="table-wrap">
                    <table data-testid="units">
                      <thead><tr>
                        <th scope="col">{t('unitNo')}</th><th scope="col">{t('floorArea')}</th><th scope="col">{t('tenure')}</th><th scope="col" className="num">{t('price')}</th>
                        <th scope="col">{t('unitStatus')}</th><th scope="col">{t('holder')}</th><th scope="col">{t('allocatedAt')}</th><th scope="col">{t('handedOverAt')}</th><th scope="col">{t('transfers')}</th>
                      </tr></thead>
                      <tbody>
                        {p.units.map((u) => (
                          <tr key={u.unitNo} data-unit={u.unitNo}>
                            <th scope="row">{u.unitNo}</th>
                            <td className="num">{formatNumber(u.floorAreaM2)}</td>
                            <td>{t(`tenure_${u.tenure}`)}</td>
                            <td className="num">{formatVnd(u.priceVnd)}</td>
                            <td><span className={`badge unit-${u.status}`}>{t(`unit_${u.status}`)}</span></td>
                            <td>{u.citizenId ? <Link href={`/people/${u.citizenId}`}>{u.citizenId}</Link> : '—'}</td>
                            <td>{formatDate(u.allocatedAt)}</td>
                            <td>{formatDate(u.handedOverAt)}</td>
                            <td>{u.transfers.length === 0 ? '—' : u.transfers.map((tr, i) => <div key={i}>{textOf(tr.kind)} {formatDate(textOf(tr.transferredAt))}</div>)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </div>
              <div className="card">
                <h2>{t('applications')}{ranked.length > 0 && ` — ${t('ranking')}: ${t(`rankMethod_${ranked[0].rankMethod}`)}`}</h2>
                {p.applications.length === 0 ? <p>{t('none')}</p> : (
                  <div className="table-wrap">
                    <table data-testid="applications">
                      <thead><tr>
                        <th scope="col">{t('rank')}</th><th scope="col">{t('applicant')}</th><th scope="col">{t('citizenId')}</th><th scope="col">{t('category')}</th>
                        <th scope="col">{t('tenure')}</th><th scope="col">{t('submittedAt')}</th><th scope="col">{t('eligibility')}</th><th scope="col">{t('status')}</th><th scope="col">{t('unitNo')}</th>
                      </tr></thead>
                      <tbody>
                        {p.applications.map((a) => (
                          <tr key={a.applicationId} data-application-id={a.applicationId}>
                            <td className="num">{a.priorityRank ?? '—'}</td>
                            <th scope="row">{a.fullName}</th>
                            <td><Link href={`/people/${a.citizenId}`}>{a.citizenId}</Link></td>
                            <td>{a.category}</td>
                            <td>{t(`tenure_${a.tenure}`)}</td>
                            <td>{formatDate(a.submittedAt)}</td>
                            <td>{a.eligibility ? t(`eligibility_${a.eligibility}`) : '—'}</td>
                            <td>{a.status}</td>
                            <td>{a.unitNo ?? '—'}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </div>
            </>
          );
        }}
      </Async>
    </section>
  );
}
