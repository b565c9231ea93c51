import { Async } from '../components/status';
import { useApi } from '../components/use-api';
import { API } from '../lib/api';
import { formatNumber, shortHash } from '../lib/format';
import { useI18n } from '../lib/i18n';
import type { Verification } from '../lib/types';

interface Part { status: string; lag?: Record<string, number>; maxLag?: number }
interface Health { status: string; info?: Record<string, Part>; error?: Record<string, Part> }

/** `/ledger-health`: GET /audit/verify (chains, last checkpoint) and GET /health (dependencies, projection lag). */
export function LedgerHealthPage() {
  const { t } = useI18n();
  const verify = useApi<Verification>(`${API}/audit/verify`);
  const health = useApi<Health>('/health', { anonymous: true });
  return (
    <section aria-labelledby="health-title">
      <h1 id="health-title">{t('healthTitle')}</h1>
      <div className="grid-2">
        <div className="card">
          <h2>{t('verifyResult')}</h2>
          <Async state={verify}>
            {(v) => (
              <>
                <p role="status" className={`alert ${v.ok ? 'alert-ok' : 'alert-error'}`} data-testid="verify">
                  {v.ok ? t('verifyOk', { n: formatNumber(v.eventsChecked) }) : t('verifyBad', { event: `${v.firstBad?.stream ?? ''} ${v.firstBad?.eventId ?? ''}: ${v.firstBad?.reasonVi ?? ''}` })}
                </p>
                <h3>{t('lastCheckpoint')}</h3>
                <Checkpoint value={v.lastCheckpoint} />
              </>
            )}
          </Async>
        </div>
        <div className="card">
          <h2>{t('projectionLag')}</h2>
          <Async state={health}>
            {(h) => {
              const parts: Record<string, Part> = { ...(h.info ?? {}), ...(h.error ?? {}) };
              // Absent while the projections indicator is not up yet.
              const projections = parts.projections as Part | undefined;
              const lag = projections?.lag ?? {};
              return (
                <>
                  <ul className="inline-list">
                    {Object.entries(parts).map(([name, p]) => <li key={name}><span className={`badge ${p.status === 'up' ? 'ok' : 'sev-high'}`}>{name}: {p.status}</span></li>)}
                  </ul>
                  <table>
                    <thead><tr><th scope="col">{t('component')}</th><th scope="col" className="num">{t('projectionLag')}</th></tr></thead>
                    <tbody>{Object.entries(lag).map(([name, n]: [string, number]) => <tr key={name}><th scope="row">{name}</th><td className="num">{formatNumber(n)}</td></tr>)}</tbody>
                  </table>
                </>
              );
            }}
          </Async>
        </div>
      </div>
    </section>
  );
}

function Checkpoint({ value }: { value: unknown }) {
  const { t } = useI18n();
  if (!value || typeof value !== 'object') return <p className="muted">{typeof value === 'string' ? value : t('noCheckpoint')}</p>;
  const c = value as { treeSize?: number | string; rootHash?: string };
  return (
    <dl className="pairs">
      <dt>{t('treeSize')}</dt><dd>{c.treeSize !== undefined ? formatNumber(c.treeSize) : '—'}</dd>
      <dt>{t('rootHash')}</dt><dd><code title={c.rootHash}>{c.rootHash ? shortHash(c.rootHash, 24) : '—'}</code></dd>
    </dl>
  );
}
