export const ROLES = ['board', 'inspector', 'police', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who caused an event: the JWT subject, role and (boards, police) province. */
export interface Actor {
  subject: string;
  role: Role;
  province?: string;
}
