import { useState, type SubmitEvent } from 'react';
import { Async, Loading, Pending } from '../components/status';
import { useApi } from '../components/use-api';
import { useFeature } from '../components/use-feature';
import { API } from '../lib/api';
import { FEATURES } from '../lib/features';
import { formatDate, shortHash } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { navigate } from '../lib/router';

interface Beneficiaries {
  projectId: string; name: string; provinceCode: string;
  items: { unitNo: string; applicant: string; citizenId: string; householdSize: number; allocatedAt: string; decisionNo: string; eventId: string; hash: string; leafIndex: number }[];
}
interface Lottery {
  id: string; projectId: string; units: number; entrantsHash: string; commitment: string; beaconSource: string; createdAt: string; seed?: string; beacon?: string;
  entrants: { applicationId: string; applicant: string }[];
  ranking?: { rank: number; applicationId: string; score: string }[];
}

/** `/public`: no sign-in; a project's list of beneficiaries or a lottery by id. */
export function PublicIndexPage() {
  const { t } = useI18n();
  const [project, setProject] = useState('');
  const [lottery, setLottery] = useState('');
  const go = (path: string) => (e: SubmitEvent) => {
    e.preventDefault();
    navigate(path);
  };
  return (
    <section aria-labelledby="public-title">
      <h1 id="public-title">{t('publicTitle')}</h1>
      <p className="muted">{t('publicHelp')}</p>
      <form className="card inline-form" onSubmit={go(`/public/projects/${encodeURIComponent(project.trim())}`)}>
        <label htmlFor="public-project">{t('projectId')}</label>
        <input id="public-project" required value={project} onChange={(e) => setProject(e.target.value)} />
        <button type="submit">{t('lookUp')}</button>
      </form>
      <form className="card inline-form" onSubmit={go(`/public/lotteries/${encodeURIComponent(lottery.trim())}`)}>
        <label htmlFor="public-lottery">{t('lotteryId')}</label>
        <input id="public-lottery" required value={lottery} onChange={(e) => setLottery(e.target.value)} />
        <button type="submit">{t('lookUp')}</button>
      </form>
    </section>
  );
}

/** `/public/projects/:id`: the beneficiary list (issue 11), or a notice until the server offers it. */
export function PublicBeneficiariesPage({ id }: { id: string }) {
  const { t } = useI18n();
  const present = useFeature(FEATURES.publicBeneficiaries);
  return (
    <section aria-labelledby="beneficiaries-title">
      <h1 id="beneficiaries-title">{t('beneficiariesTitle', { id })}</h1>
      <p className="muted">{t('publicHelp')}</p>
      {present === null ? <Loading /> : present ? <BeneficiaryList id={id} /> : <Pending>{t('beneficiariesPending', { id })}</Pending>}
    </section>
  );
}

function BeneficiaryList({ id }: { id: string }) {
  const { t } = useI18n();
  const state = useApi<Beneficiaries>(`${API}/public/projects/${encodeURIComponent(id)}/beneficiaries`, { anonymous: true });
  return (
    <Async state={state}>
      {(b) => (
        <div className="card table-wrap">
          <h2>{b.name} ({b.provinceCode})</h2>
          <table>
            <thead><tr><th scope="col">{t('unitNo')}</th><th scope="col">{t('applicant')}</th><th scope="col">{t('citizenId')}</th><th scope="col" className="num">{t('householdSize')}</th><th scope="col">{t('allocatedAt')}</th><th scope="col">{t('decisionNo')}</th><th scope="col">{t('hash')}</th></tr></thead>
            <tbody>
              {b.items.map((i) => (
                <tr key={i.eventId}><th scope="row">{i.unitNo}</th><td>{i.applicant}</td><td>{i.citizenId}</td><td className="num">{i.householdSize}</td><td>{formatDate(i.allocatedAt)}</td><td>{i.decisionNo}</td><td><code title={i.hash}>{shortHash(i.hash)}</code></td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Async>
  );
}

/** `/public/lotteries/:id`: entrants, commitment, beacon and ranking (issue 11), or a notice until the server offers it. */
export function PublicLotteryPage({ id }: { id: string }) {
  const { t } = useI18n();
  const present = useFeature(FEATURES.publicLottery);
  return (
    <section aria-labelledby="lottery-title">
      <h1 id="lottery-title">{t('lotteryTitle', { id })}</h1>
      <p className="muted">{t('publicHelp')}</p>
      {present === null ? <Loading /> : present ? <LotteryView id={id} /> : <Pending>{t('lotteryPending', { id })}</Pending>}
    </section>
  );
}

function LotteryView({ id }: { id: string }) {
  const { t } = useI18n();
  const state = useApi<Lottery>(`${API}/public/lotteries/${encodeURIComponent(id)}`, { anonymous: true });
  return (
    <Async state={state}>
      {(l) => (
        <div className="card">
          <dl className="pairs">
            <dt>{t('projectId')}</dt><dd>{l.projectId}</dd>
            <dt>{t('commitment')}</dt><dd><code>{l.commitment}</code></dd>
            <dt>{t('beacon')}</dt><dd>{l.beaconSource}{l.beacon ? `: ${l.beacon}` : ''}</dd>
          </dl>
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">{t('rank')}</th><th scope="col">{t('applicant')}</th><th scope="col">{t('score')}</th></tr></thead>
              <tbody>
                {(l.ranking ?? l.entrants.map((e, i) => ({ rank: i + 1, applicationId: e.applicationId, score: '' }))).map((r) => (
                  <tr key={r.applicationId}><td className="num">{l.ranking ? r.rank : '—'}</td><td>{l.entrants.find((e) => e.applicationId === r.applicationId)?.applicant ?? r.applicationId}</td><td><code>{r.score ? shortHash(r.score) : '—'}</code></td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </Async>
  );
}
