import { useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { BarChart } from '../components/chart';
import { Async } from '../components/status';
import { useApi } from '../components/use-api';
import { API } from '../lib/api';
import { formatNumber, formatShare } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { Link } from '../lib/router';
import type { ProgrammeProgress, ProvinceProgress } from '../lib/types';

/** Provinces of Đề án 338 in the seeds: Hải Phòng (31) and Hải Dương (30, part of Hải Phòng since 2025). */
export const PROVINCES: { code: string; name: string }[] = [
  { code: '31', name: 'Hải Phòng' },
  { code: '30', name: 'Hải Dương' },
];

/** No bar for nothing: minBarLength keeps a first handover visible next to a target of thousands, and would draw a zero too. */
const orNull = (n: number) => (n > 0 ? n : null);

const TARGET_COLOURS = ['#8d99a8', '#c3cad3'];
const provinceName = (code: string) => PROVINCES.find((p) => p.code === code)?.name ?? code;

const COLOURS = { target: '#9aa5b1', done: '#0b5cad', planned: '#6b7785', released: '#2f7d32', allocated: '#b35c00', handedOver: '#0b5cad' };

/** `/programmes/:code`: handed-over units against the period targets, and the pipeline, as charts with their tables. */
export function ProgrammePage({ code }: { code: string }) {
  const { t } = useI18n();
  const state = useApi<ProgrammeProgress>(`${API}/programmes/${code}/progress`);
  return (
    <section aria-labelledby="programme-title">
      <h1 id="programme-title">{t('programmeTitle', { name: `${PROVINCES.find((p) => p.code === code)?.name ?? ''} (${code})`.trim() })}</h1>
      <nav className="chips" aria-label={t('province')}>
        {PROVINCES.map((p) => (
          <Link key={p.code} href={`/programmes/${p.code}`} className={p.code === code ? 'chip active' : 'chip'} aria-current={p.code === code ? 'page' : undefined}>
            {p.name} ({p.code})
          </Link>
        ))}
      </nav>
      <p className="muted">{t('programmeHelp')}</p>
      <Async state={state}>{(data) => <Progress data={data} />}</Async>
    </section>
  );
}

function Progress({ data }: { data: ProgrammeProgress }) {
  const { t, lang } = useI18n();
  const periods = data.targets.map((x) => x.period);
  const targetOf = (p: ProvinceProgress, period: string) => p.targets.find((x) => x.period === period)?.units ?? 0;
  const targets = useMemo<ChartConfiguration<'bar'>>(() => ({
    type: 'bar',
    data: {
      labels: periods,
      // One stacked bar of targets per period, a part per former province (Hải Phòng 15.400 + Hải Dương 5.860), beside the units handed over.
      datasets: [
        ...data.byProvince.filter((p) => p.targets.length > 0).map((p, i) => ({
          label: `${t('target')} ${provinceName(p.provinceCode)}`, data: periods.map((period) => targetOf(p, period)), backgroundColor: TARGET_COLOURS[i % TARGET_COLOURS.length], stack: 'target',
        })),
        { label: t('handedOverInPeriod'), data: data.targets.map((x) => orNull(x.handedOverInPeriod)), backgroundColor: COLOURS.done, minBarLength: 3, stack: 'done' },
      ],
    },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { callback: (v) => formatNumber(Number(v)) } } } },
  }), [data, lang]);
  const pipeline = useMemo<ChartConfiguration<'bar'>>(() => ({
    type: 'bar',
    data: {
      labels: [t('plannedUnits'), t('released'), t('allocated'), t('handedOver')],
      datasets: [{ label: data.provinces.join(', '), data: [data.plannedUnits, data.released, data.allocated, data.handedOver].map(orNull),
        backgroundColor: [COLOURS.planned, COLOURS.released, COLOURS.allocated, COLOURS.handedOver], minBarLength: 3 }],
    },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { callback: (v) => formatNumber(Number(v)) } } } },
  }), [data, lang]);
  return (
    <>
      <div className="grid-2">
        <div className="card"><BarChart label={t('chartTargets')} config={targets} /></div>
        <div className="card"><BarChart label={t('chartPipeline')} config={pipeline} /></div>
      </div>
      <div className="card">
        <div className="table-wrap">
          <table data-testid="targets">
            <caption>{t('chartTargets')}</caption>
            <thead><tr><th scope="col">{t('period')}</th><th scope="col" className="num">{t('target')}</th><th scope="col" className="num">{t('handedOverInPeriod')}</th><th scope="col" className="num">{t('share')}</th></tr></thead>
            <tbody>
              {data.targets.map((x) => (
                <tr key={x.period}><th scope="row">{x.period}</th><td className="num">{formatNumber(x.units)}</td><td className="num">{formatNumber(x.handedOverInPeriod)}</td><td className="num">{formatShare(x.units > 0 ? x.handedOverInPeriod / x.units : 0)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="table-wrap">
          <table>
            <caption>{t('chartPipeline')}</caption>
            <thead><tr><th scope="col">{t('province')}</th><th scope="col" className="num">{t('projectsCount')}</th><th scope="col" className="num">{t('plannedUnits')}</th><th scope="col" className="num">{t('released')}</th><th scope="col" className="num">{t('allocated')}</th><th scope="col" className="num">{t('handedOver')}</th>{periods.map((period) => <th key={period} scope="col" className="num">{t('target')} {period}</th>)}</tr></thead>
            <tbody>
              {[...data.byProvince, data].map((p, i) => (
                <tr key={i} className={p === data ? 'total-row' : undefined}>
                  <th scope="row">{p === data ? data.provinces.map(provinceName).join(' + ') : `${provinceName(p.provinceCode)} (${p.provinceCode})`}</th>
                  <td className="num">{formatNumber(p.projects)}</td><td className="num">{formatNumber(p.plannedUnits)}</td><td className="num">{formatNumber(p.released)}</td>
                  <td className="num">{formatNumber(p.allocated)}</td><td className="num">{formatNumber(p.handedOver)}</td>
                  {periods.map((period) => <td key={period} className="num">{formatNumber(targetOf(p, period))}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
