/** The API's answers, as the console reads them (field names from API.md and /docs-json). */
export interface Review { verdict: 'confirmed' | 'dismissed'; note: string; reviewedBy: string; reviewedAt: string; eventId: string }

export interface Finding {
  id: string;
  detector: string;
  severity: 'low' | 'medium' | 'high';
  provinceCode: string | null;
  citizenIds: string[];
  streams: string[];
  evidence: { eventId: string; stream: string }[];
  summary: string;
  details: Record<string, unknown>;
  status: 'open' | 'closed';
  firstSeenEventId: string;
  firstSeenPosition: string;
  closedByEventId: string | null;
  review: Review | null;
}

export interface FindingPage { items: Finding[]; total: number; page: number; pageSize: number; countsByDetector?: Record<string, number> }

export interface LoggedEvent {
  eventId: string;
  type: string;
  stream: string;
  revision: number;
  globalPosition: string;
  position: { commit: string; prepare: string };
  data: Record<string, unknown>;
  metadata: { recordedAt?: string; actor?: { subject: string; role: string; province?: string } } & Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface FindingDetail extends Finding {
  evidenceEvents: LoggedEvent[];
  unavailableEvidence: { eventId: string; stream: string; reason: string }[];
}

export interface PersonHistory { citizenId: string; events: LoggedEvent[]; withheld: number }

export interface AccessReport {
  citizenId: string;
  reads: { at: string; subject: string; role: string; province: string | null; endpoint: string; ids: string[]; eventId: string; stream: string; position: string }[];
}

export interface ProjectOverview {
  projectId: string;
  name: string;
  provinceCode: string;
  plannedUnits: number;
  releasedUnits: number;
  units: {
    unitNo: string; floorAreaM2: number; tenure: string; priceVnd: string; status: string; allocationId: string | null; applicationId: string | null;
    citizenId: string | null; allocatedAt: string | null; handedOverAt: string | null; transfers: Record<string, unknown>[];
  }[];
  applications: {
    applicationId: string; citizenId: string; fullName: string; tenure: string; category: string; status: string; submittedAt: string;
    eligibility: string | null; priorityRank: number | null; rankMethod: string | null; unitNo: string | null;
  }[];
}

export interface ProvinceProgress {
  provinceCode: string;
  projects: number;
  plannedUnits: number;
  released: number;
  allocated: number;
  handedOver: number;
  targets: { period: string; units: number; handedOverInPeriod: number; share: number }[];
}
export interface ProgrammeProgress extends ProvinceProgress { provinces: string[]; byProvince: ProvinceProgress[] }

export interface LandFundObligation {
  commercialProjectId: string; name: string; provinceCode: string; requiredAreaM2: number; handedOverM2: number; shortfallM2: number;
  paidInLieuVnd: string; discharged: boolean; dueDate: string; overdue: boolean; overdueSeenAt: string | null;
}

export interface Verification { ok: boolean; eventsChecked: number; lastCheckpoint: unknown; firstBad?: { eventId?: string; stream?: string; reason: string; reasonVi: string } }
