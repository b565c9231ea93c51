import type { Tenure } from './policy';

/** One rule's verdict, with the user-facing sentence (and legal reference) that explains it. */
export type Finding = { met: boolean; reason: string };

export const TENURE_VERB: Record<Tenure, string> = { sale: 'buy', rent: 'rent', 'hire-purchase': 'hire-purchase' };
export const TENURE_NOUN: Record<Tenure, string> = { sale: 'buying', rent: 'renting', 'hire-purchase': 'hire-purchasing' };

const VND = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** "32,000,000 VND", as the reasons quote amounts. */
export function vnd(amount: number): string {
  return `${VND.format(amount)} VND`;
}
