import { Async } from '../components/status';
import { useApi } from '../components/use-api';
import { API } from '../lib/api';
import { formatDate, formatNumber, formatVnd } from '../lib/format';
import { useI18n } from '../lib/i18n';
import type { LandFundObligation } from '../lib/types';

/** `/land-fund`: each commercial project's 20% obligation, the shortfall and the deadline; overdue first. */
export function LandFundPage() {
  const { t } = useI18n();
  const state = useApi<{ items: LandFundObligation[] }>(`${API}/land-fund/obligations`);
  return (
    <section aria-labelledby="land-title">
      <h1 id="land-title">{t('landFundTitle')}</h1>
      <Async state={state}>
        {({ items }) => items.length === 0 ? <p>{t('none')}</p> : (
          <div className="card table-wrap">
            <table data-testid="obligations">
              <thead><tr>
                <th scope="col">{t('obligation')}</th><th scope="col">{t('province')}</th><th scope="col" className="num">{t('required')}</th><th scope="col" className="num">{t('handedOverM2')}</th>
                <th scope="col" className="num">{t('shortfall')}</th><th scope="col" className="num">{t('paidInLieu')}</th><th scope="col">{t('dueDate')}</th><th scope="col">{t('status')}</th>
              </tr></thead>
              <tbody>
                {items.map((o) => (
                  <tr key={o.commercialProjectId} className={o.overdue ? 'row-bad' : undefined}>
                    <th scope="row">{o.name}<br /><code className="muted">{o.commercialProjectId}</code></th>
                    <td>{o.provinceCode}</td>
                    <td className="num">{formatNumber(o.requiredAreaM2)}</td>
                    <td className="num">{formatNumber(o.handedOverM2)}</td>
                    <td className="num"><strong>{formatNumber(o.shortfallM2)}</strong></td>
                    <td className="num">{o.paidInLieuVnd === '0' ? '—' : formatVnd(o.paidInLieuVnd)}</td>
                    <td>{formatDate(o.dueDate)}</td>
                    <td><span className={`badge ${o.overdue ? 'sev-high' : o.discharged ? 'ok' : ''}`}>{o.discharged ? t('discharged') : o.overdue ? t('overdue') : t('pending')}</span></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
    </section>
  );
}
