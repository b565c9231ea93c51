import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { LAN, PROJECT, seedRound } from './seed-round';
import { startService, type RunningService } from './service';

/** What the page functions read of an element (this tsconfig has no DOM types: the functions run in the browser). */
interface BrowserElement { getAttribute(name: string): string | null; textContent: string | null }

/**
 * The web console in a real browser (Debian's Chromium through playwright-core) against the
 * built service on its own embedded PostgreSQL, seeded through the API. Screenshots of the main
 * pages go to test-results/screenshots (git-ignored). Every page is watched for console errors.
 */
const SHOTS = join(process.cwd(), 'test-results', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('the web console in Chromium', () => {
  let service: RunningService;
  let browser: Browser;
  let tokens: { inspector: string; board: string; police: string };
  const errors: string[] = [];

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    service = await startService();
    tokens = {
      inspector: await service.token('inspector', 'thanh-tra-nguyen-van-a'),
      board: await service.token('board', 'so-xay-dung-hp', '31'),
      police: await service.token('police', 'cong-an-hp', '31'),
    };
    await seedRound(service.base, tokens.board, await service.token('board', 'so-xay-dung-hd', '30'));
    // playwright-core gives every launch a fresh temporary profile (--user-data-dir) of its own and
    // refuses one passed in args; each test opens a fresh context in it (no token, no language chosen).
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
  }, 240_000);

  afterAll(async () => {
    // Still unset when beforeAll failed before starting them; afterAll runs anyway.
    await (browser as Browser | undefined)?.close();
    await (service as RunningService | undefined)?.stop();
  });

  /** A fresh tab (no token) at 1280×800, or a phone's screen, reporting console errors and page errors. */
  async function open(viewport = { width: 1280, height: 800 }): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport, locale: 'vi-VN', acceptDownloads: true });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(`${page.url()}: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    return { context, page };
  }

  /** By keyboard: the token typed into its field and Enter. */
  async function signIn(page: Page, token: string): Promise<void> {
    await page.goto(`${service.base}/`);
    await page.fill('input[name="token"]', token);
    await page.press('input[name="token"]', 'Enter');
    await page.waitForURL(/\/findings$/);
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  it('opens on the Vietnamese sign-in and explains a bad token in words', async () => {
    const { context, page } = await open();
    await page.goto(`${service.base}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Đăng nhập bằng mã truy cập');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('vi');
    await shot(page, '01-sign-in');
    // The first Tab reaches the skip link, which takes keyboard users past the menu.
    await page.keyboard.press('Tab');
    await expect(page.evaluate('document.activeElement.textContent')).resolves.toBe('Bỏ qua đến nội dung chính');
    await page.keyboard.press('Enter');
    await expect(page.evaluate('document.activeElement.id')).resolves.toBe('main');
    await page.fill('input[name="token"]', 'abc');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/không phải là một mã truy cập hợp lệ/);
    await context.close();
  });

  it('an inspector signs in, filters the findings, opens one, reviews it and sees the review in the list', async () => {
    const { context, page } = await open();
    await signIn(page, tokens.inspector);
    await expect(page.getByTestId('who').textContent()).resolves.toBe('Thanh tra');
    await page.locator('[data-finding-id]').first().waitFor();
    const counts = await page.getByRole('navigation', { name: 'Số phát hiện theo bộ phát hiện' }).textContent();
    expect(counts).toContain('Trùng người nộp hồ sơ');
    await shot(page, '02-findings');

    await page.getByLabel('Bộ phát hiện', { exact: true }).selectOption('duplicate-applicant');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/detector=duplicate-applicant/);
    await page.locator('[data-finding-id^="duplicate-applicant"]').first().waitFor();
    const ids = await page.locator('[data-finding-id]').evaluateAll((rows: BrowserElement[]) => rows.map((r) => r.getAttribute('data-finding-id') ?? ''));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^duplicate-applicant/);

    await page.locator(`[data-finding-id="${ids[0]}"] .finding-link`).click();
    await page.waitForURL(new RegExp(`/findings/${ids[0]}$`));
    await page.locator('.timeline .event').first().waitFor();
    const firstEvent = await page.locator('.timeline .event').first().textContent();
    expect(firstEvent).toMatch(/Vị trí \d+\/\d+/);
    expect(firstEvent).toMatch(/Mã băm[0-9a-f]{16}…/);
    await expect(page.getByText(LAN).first().isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('evidence-bundle').textContent()).resolves.toMatch(/Tải gói bằng chứng/);
    await shot(page, '03-finding');

    await page.getByLabel('Xác nhận vi phạm').check();
    await page.getByLabel('Ghi chú').fill('Đã đối chiếu hồ sơ gốc: cùng một người nộp ở hai dự án');
    await page.getByRole('button', { name: 'Ghi kết luận' }).click();
    await page.getByText('Đã ghi kết luận.').waitFor();
    // The finding is read again after the review: its summary shows the review once that answer is in.
    await page.locator('[data-testid="current-review"]', { hasText: /^Xác nhận vi phạm — Đã đối chiếu/ }).waitFor();

    await page.getByRole('link', { name: 'Phát hiện', exact: true }).click();
    await page.waitForURL(/\/findings$/);
    const row = page.locator(`[data-finding-id="${ids[0]}"] .review-line`);
    await row.waitFor();
    await expect(row.getAttribute('data-review')).resolves.toBe('confirmed');
    await expect(row.textContent()).resolves.toMatch(/Đã đối chiếu hồ sơ gốc.*thanh-tra-nguyen-van-a/);
    await context.close();
  });

  it('a person page shows the events and the access report, printable and exportable to XLSX', async () => {
    const { context, page } = await open();
    await signIn(page, tokens.inspector);
    await page.goto(`${service.base}/people/${LAN}`);
    await page.locator('.timeline .event').first().waitFor();
    expect(await page.locator('.timeline .event').count()).toBeGreaterThanOrEqual(3);
    const report = page.getByTestId('access-report');
    await report.locator('tbody tr').first().waitFor();
    await expect(report.textContent()).resolves.toMatch(/thanh-tra-nguyen-van-a.*GET \/api\/v1\/findings/);
    const [download] = await Promise.all([page.waitForEvent('download'), report.getByRole('button', { name: 'Xuất XLSX' }).click()]);
    expect(download.suggestedFilename()).toBe(`truy-cap-${LAN}.xlsx`);
    const file = join(SHOTS, `truy-cap-${LAN}.xlsx`);
    await download.saveAs(file);
    expect((await stat(file)).size).toBeGreaterThan(1000);
    await shot(page, '04-person');
    await context.close();
  });

  it('a board sees its project: units and their states, applications with their ballot ranks', async () => {
    const { context, page } = await open();
    await signIn(page, tokens.board);
    await expect(page.getByTestId('who').textContent()).resolves.toBe('Hội đồng xét duyệt · Tỉnh 31');
    await page.goto(`${service.base}/projects/${PROJECT}`);
    const units = page.getByTestId('units');
    await units.waitFor();
    await expect(units.locator('[data-unit="A-1201"]').textContent()).resolves.toMatch(/1\.150\.000\.000 ₫.*Đã bàn giao.*01\/07\/2026.*resale 01\/10\/2026/);
    await expect(units.locator('[data-unit="A-1203"]').textContent()).resolves.toMatch(/Còn trống/);
    const ranks = await page.getByTestId('applications').locator('tbody tr').evaluateAll((rows: BrowserElement[]) => rows.map((r) => r.textContent ?? ''));
    expect(ranks[0]).toMatch(/^1Trần Văn Bình/);
    expect(ranks[1]).toMatch(/^2Nguyễn Thị Lan/);
    await shot(page, '05-project');

    await page.goto(`${service.base}/projects/${PROJECT}/intake`);
    // The server offers the upload (issue 12): the page shows its form.
    await page.locator('#intake-file').waitFor();
    await context.close();
  });

  it('programme progress, land fund and ledger health render with their charts and tables', async () => {
    const { context, page } = await open();
    await signIn(page, tokens.inspector);
    await page.getByRole('link', { name: 'Tiến độ 338' }).click();
    await page.waitForURL(/\/programmes\/31$/);
    await page.getByTestId('targets').waitFor();
    // Hải Phòng's targets and Hải Dương's (merged into it in 2025) make one: 15.400 + 5.860 and 18.100 + 10.060.
    await expect(page.getByTestId('targets').textContent()).resolves.toMatch(/2021-202521\.260.*2026-203028\.160/);
    expect(await page.locator('canvas').count()).toBe(2);
    await shot(page, '06-programme');

    await page.goto(`${service.base}/land-fund`);
    await expect(page.getByTestId('obligations').textContent()).resolves.toMatch(/Vinhomes Marina.*24\.000.*10\.000.*14\.000.*31\/12\/2027/);
    await shot(page, '07-land-fund');

    await page.goto(`${service.base}/ledger-health`);
    await expect(page.getByTestId('verify').textContent()).resolves.toMatch(/^Toàn vẹn: [\d.]+ sự kiện đã kiểm tra$/);
    await shot(page, '08-ledger-health');

    await page.getByLabel('Ngôn ngữ').selectOption('en');
    await expect(page.locator('h1').textContent()).resolves.toBe('Ledger health');
    await context.close();
  });

  it('public pages open without a token and send none', async () => {
    const { context, page } = await open();
    const api: string[] = [];
    page.on('request', (r) => {
      const headers: Partial<Record<string, string>> = r.headers();
      if (r.url().includes('/api/')) api.push(`${r.url()} ${headers.authorization ?? ''}`);
    });
    await page.goto(`${service.base}/public/projects/${PROJECT}`);
    // The list (issue 11), read without a token.
    await page.locator('#beneficiaries-title ~ * table, section table').first().waitFor();
    await shot(page, '09-public-beneficiaries');
    // (A lottery page is not opened here: none is seeded, and a missing one logs the 404 as a console error.)
    expect(api.length).toBeGreaterThan(0);
    expect(api.filter((line) => !line.endsWith(' '))).toEqual([]);
    await page.goto(`${service.base}/findings`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Trang này cần đăng nhập.');
    await context.close();
  });

  it('works on a phone', async () => {
    const { context, page } = await open({ width: 390, height: 844 });
    await signIn(page, tokens.inspector);
    await page.locator('[data-finding-id]').first().waitFor();
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
    await shot(page, '10-findings-phone');
    await context.close();
  });

  it('logged no console errors on any page', () => {
    expect(errors).toEqual([]);
  });
});
