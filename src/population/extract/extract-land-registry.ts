import type { Pool } from 'pg';
import type { HousingOwned, LandCertificate, LandRegistry } from '../land-registry.port';
import { snapshotLabel } from './extract-population-registry';

interface CertificateRow {
  snapshot_id: string;
  citizen_id: string | null;
  province_code: string;
  parcel: string | null;
  certificate_no: string;
  floor_area_m2: string | null;
  registered_at: string | null;
}

/** The land registry as its current imported extract (`noxh land-registry import`). */
export class ExtractLandRegistry implements LandRegistry {
  readonly kind = 'extract' as const;
  constructor(private readonly pool: Pool) {}

  async housingOwned(citizenIds: string[], provinceCode: string): Promise<HousingOwned> {
    const { rows } = await this.pool.query<CertificateRow>(
      `WITH latest AS (SELECT snapshot_id AS id FROM registry_current WHERE kind = 'land')
       SELECT latest.id AS snapshot_id, c.citizen_id, c.province_code, c.parcel, c.certificate_no,
              c.floor_area_m2::text AS floor_area_m2, to_char(c.registered_at, 'YYYY-MM-DD') AS registered_at
       FROM latest LEFT JOIN land_certificates c
         ON c.snapshot_id = latest.id AND c.citizen_id = ANY($1::text[]) AND c.province_code = $2
       ORDER BY c.citizen_id, c.certificate_no`,
      [citizenIds, provinceCode],
    );
    const owned = new Map<string, LandCertificate[]>(citizenIds.map((id) => [id, []]));
    for (const r of rows) {
      if (r.citizen_id === null) continue;
      owned.get(r.citizen_id)?.push({
        citizenId: r.citizen_id,
        provinceCode: r.province_code,
        parcel: r.parcel,
        certificateNo: r.certificate_no,
        floorAreaM2: r.floor_area_m2 === null ? null : Number(r.floor_area_m2),
        registeredAt: r.registered_at,
      });
    }
    return { snapshot: snapshotLabel('land', rows[0]?.snapshot_id), owned };
  }
}
