/** The lottery-integrity detector's summaries. */
export const leftOutSummary = (lotteryId: string, projectId: string, applicationIds: readonly string[]): string =>
  `Cuộc bốc thăm ${lotteryId} của dự án ${projectId} bỏ sót ${applicationIds.length} hồ sơ đủ điều kiện lúc mở: ${applicationIds.join(', ')}.`;

export const intrudersSummary = (lotteryId: string, projectId: string, applicationIds: readonly string[]): string =>
  `Cuộc bốc thăm ${lotteryId} của dự án ${projectId} chốt ${applicationIds.length} hồ sơ không có quyết định "đủ điều kiện" nào đang có hiệu lực lúc mở: ${applicationIds.join(', ')}.`;

export const allocatedBeforeDrawSummary = (unitNo: string, projectId: string, applicationId: string, lotteryId: string): string =>
  `Căn ${unitNo} của dự án ${projectId} đã được phân bổ cho hồ sơ ${applicationId} trước khi bốc thăm ${lotteryId}.`;
