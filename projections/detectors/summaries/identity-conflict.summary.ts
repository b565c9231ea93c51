export interface Declared {
  fullName: string;
  dateOfBirth: string;
  applicationId: string;
}

/** The identity-conflict detector's summaries, for the ledger and its oracle alike. */
export const sameIdentitySummary = (citizenId: string, mineNames: string, other: string, theirNames: string, dateOfBirth: string): string =>
  `Số CCCD ${citizenId} (${mineNames}) và ${other} (${theirNames}) được khai cùng họ tên và ngày sinh (${dateOfBirth}): có thể là một người dùng hai số CCCD.`;

export const similarIdentitySummary = (citizenId: string, mine: Omit<Declared, 'applicationId'>, other: string, theirs: Omit<Declared, 'applicationId'>, score: number, threshold: number): string =>
  `Số CCCD ${citizenId} ("${mine.fullName}", sinh ${mine.dateOfBirth}) và ${other} ("${theirs.fullName}", sinh ${theirs.dateOfBirth}) ` +
  `được khai gần giống nhau (điểm ${score} ≥ ${threshold}): có thể là một người dùng hai số CCCD.`;

export const declarationsSummary = (citizenId: string, identities: readonly Declared[]): string =>
  `Số CCCD ${citizenId} được khai là ${identities.length} người khác nhau: ${identities
    .map((d) => `"${d.fullName}" sinh ${d.dateOfBirth} (hồ sơ ${d.applicationId})`).join(', ')}.`;

export const idDigitsSummary = (citizenId: string, reasons: readonly string[]): string =>
  `Các chữ số của số CCCD ${citizenId} mâu thuẫn với thông tin đã khai: ${reasons.join('; ')}.`;
