import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { PROGRAMME_PERIODS, type ProgrammePeriod } from '../../../programmes/domain/programme.events';
import { currentProvince } from '../../../shared/identity/province-mergers';
import { provinceFilter } from '../../province-scope';
import { countsByProvince, type ProvinceCounts } from './programme-progress.counts';
import { ProgrammeProgressQuery } from './programme-progress.query';
import type { ProgrammeProgressView, ProvinceProgressView, TargetProgressView } from './programme-progress.view';

/**
 * Units released, allocated and handed over against the programme's targets (Decision 338). A
 * province merged in 2025 counts in the one it joined, its own targets included (Hải Phòng's
 * 15,400 and Hải Dương's 5,860 for 2021-2025 make one target); `byProvince` keeps them apart.
 * No personal data: not recorded as a read.
 */
@QueryHandler(ProgrammeProgressQuery)
export class ProgrammeProgressHandler implements IQueryHandler<ProgrammeProgressQuery> {
  constructor(private readonly readModels: DataSource) {}

  async execute({ provinceCode, actor }: ProgrammeProgressQuery): Promise<ProgrammeProgressView> {
    const provinces = provinceFilter(actor, provinceCode) ?? [];
    const counts = await countsByProvince(this.readModels, provinces);
    const byProvince = provinces.map((code) => view(code, [counts.get(code) as ProvinceCounts]));
    // Object.assign, not a spread: the linter cannot tell a view (a plain shape) from an instance with methods.
    return Object.assign(view(currentProvince(provinceCode), [...counts.values()]), { provinces, byProvince });
  }
}

function view(provinceCode: string, parts: ProvinceCounts[]): ProvinceProgressView {
  const sum = (pick: (c: ProvinceCounts) => number) => parts.reduce((total, c) => total + pick(c), 0);
  const targets: TargetProgressView[] = [];
  for (const period of PROGRAMME_PERIODS) {
    if (!parts.some((c) => c.targets.has(period))) continue;
    const units = sum((c) => c.targets.get(period) ?? 0);
    const handedOverInPeriod = sum((c) => inPeriod(c, period));
    targets.push({ period, units, handedOverInPeriod, share: units > 0 ? Math.round((handedOverInPeriod / units) * 1000) / 1000 : 0 });
  }
  return {
    provinceCode,
    projects: sum((c) => c.projects),
    plannedUnits: sum((c) => c.plannedUnits),
    released: sum((c) => c.released),
    allocated: sum((c) => c.allocated),
    handedOver: sum((c) => c.handedOver),
    targets,
  };
}

function inPeriod(counts: ProvinceCounts, period: ProgrammePeriod): number {
  const [from, to] = period.split('-').map(Number);
  let n = 0;
  for (const [year, count] of counts.handedOverByYear) if (year >= from && year <= to) n += count;
  return n;
}
