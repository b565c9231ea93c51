import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { I18nContext, translate, type Lang } from './lib/i18n';
import { Link, LocationContext, match, useLocation } from './lib/router';
import { loadSession, type Session } from './lib/session';
import { FindingPage } from './pages/finding';
import { FindingsPage } from './pages/findings';
import { IntakePage } from './pages/intake';
import { LandFundPage } from './pages/land-fund';
import { LedgerHealthPage } from './pages/ledger-health';
import { PersonPage, PersonSearch } from './pages/person';
import { ProgrammePage } from './pages/programme';
import { ProjectPage, ProjectSearch } from './pages/project';
import { PublicBeneficiariesPage, PublicIndexPage, PublicLotteryPage } from './pages/public';
import { SignInPage } from './pages/sign-in';

const LANG_KEY = 'noxh-lang';

interface Route {
  pattern: string;
  /** The message naming the page, for the window title. */
  title: string;
  /** Pages anyone may open, token or not. */
  open?: boolean;
  render(params: Record<string, string>, session: Session): ReactNode;
}

const ROUTES: Route[] = [
  { pattern: '/findings', title: 'navFindings', render: (_, s) => <FindingsPage session={s} /> },
  { pattern: '/findings/:id', title: 'navFindings', render: (p, s) => <FindingPage id={p.id} session={s} /> },
  { pattern: '/people', title: 'navPeople', render: () => <PersonSearch /> },
  { pattern: '/people/:citizenId', title: 'navPeople', render: (p, s) => <PersonPage citizenId={p.citizenId} session={s} /> },
  { pattern: '/projects', title: 'navProjects', render: () => <ProjectSearch /> },
  { pattern: '/projects/:id', title: 'navProjects', render: (p) => <ProjectPage id={p.id} /> },
  { pattern: '/projects/:id/intake', title: 'intake', render: (p) => <IntakePage id={p.id} /> },
  { pattern: '/programmes/:code', title: 'navProgramme', render: (p) => <ProgrammePage code={p.code} /> },
  { pattern: '/land-fund', title: 'navLandFund', render: () => <LandFundPage /> },
  { pattern: '/ledger-health', title: 'navHealth', render: () => <LedgerHealthPage /> },
  { pattern: '/public', title: 'navPublic', open: true, render: () => <PublicIndexPage /> },
  { pattern: '/public/projects/:id', title: 'navPublic', open: true, render: (p) => <PublicBeneficiariesPage id={p.id} /> },
  { pattern: '/public/lotteries/:id', title: 'navPublic', open: true, render: (p) => <PublicLotteryPage id={p.id} /> },
];

/** Which links each role sees: the pages its token can read. */
const NAV: { href: string; key: string; roles: Session['role'][] }[] = [
  { href: '/findings', key: 'navFindings', roles: ['inspector', 'admin', 'board'] },
  { href: '/people', key: 'navPeople', roles: ['inspector', 'admin', 'board'] },
  { href: '/projects', key: 'navProjects', roles: ['inspector', 'admin', 'board'] },
  { href: '/programmes/31', key: 'navProgramme', roles: ['inspector', 'admin', 'board'] },
  { href: '/land-fund', key: 'navLandFund', roles: ['inspector', 'admin', 'board'] },
  { href: '/ledger-health', key: 'navHealth', roles: ['inspector', 'admin'] },
];

export function App() {
  const location = useLocation();
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi'));
  const [session, setSession] = useState<Session | null>(loadSession);
  const i18n = useMemo(() => ({
    lang,
    setLang: (l: Lang) => {
      localStorage.setItem(LANG_KEY, l);
      setLangState(l);
    },
    t: (key: string, params?: Record<string, string | number>) => translate(lang, key, params),
  }), [lang]);
  const { t } = i18n;
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  let page: ReactNode = null;
  let title = t('navSignIn');
  if (location.path === '/' || location.path === '') {
    page = <SignInPage session={session} onChange={() => setSession(loadSession())} />;
  } else {
    for (const route of ROUTES) {
      const params = match(route.pattern, location.path);
      if (!params) continue;
      title = t(route.title);
      page = session || route.open ? route.render(params, session as Session) : <NeedsSignIn />;
      break;
    }
    if (page === null) page = <NotFound />;
  }
  useEffect(() => {
    document.title = `${title} — ${t('appName')}`;
  }, [t, title]);
  // After a navigation inside the console, focus goes to the new page (screen readers announce it), as after a page load.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus();
  }, [location.path]);

  const nav = NAV.filter((n) => session && n.roles.includes(session.role));
  return (
    <I18nContext.Provider value={i18n}>
      <LocationContext.Provider value={location}>
        <a className="skip" href="#main">{t('skip')}</a>
        <header className="top">
          <Link href="/" className="brand">{t('appName')}</Link>
          <nav aria-label={t('nav')} className="main-nav">
            <ul>
              {nav.map((n) => (
                <li key={n.href}>
                  <Link href={n.href} aria-current={location.path.startsWith(n.href.split('/').slice(0, 2).join('/')) ? 'page' : undefined}>{t(n.key)}</Link>
                </li>
              ))}
              <li><Link href="/public" aria-current={location.path.startsWith('/public') ? 'page' : undefined}>{t('navPublic')}</Link></li>
            </ul>
          </nav>
          <div className="who">
            {session ? (
              <Link href="/" data-testid="who">{t(`role_${session.role}`)}{session.province ? ` · ${t('province')} ${session.province}` : ''}</Link>
            ) : (
              <Link href="/">{t('navSignIn')}</Link>
            )}
            <label className="lang">
              <span className="sr-only">{t('language')}</span>
              <select value={lang} onChange={(e) => i18n.setLang(e.target.value as Lang)} aria-label={t('language')} name="lang">
                <option value="vi">Tiếng Việt</option>
                <option value="en">English</option>
              </select>
            </label>
          </div>
        </header>
        <main id="main" tabIndex={-1}>{page}</main>
      </LocationContext.Provider>
    </I18nContext.Provider>
  );
}

function NeedsSignIn() {
  return (
    <I18nContext.Consumer>
      {({ t }) => (
        <section className="narrow">
          <h1>{t('signInFirst')}</h1>
          <p><Link href="/">{t('goHome')}</Link></p>
        </section>
      )}
    </I18nContext.Consumer>
  );
}

function NotFound() {
  return (
    <I18nContext.Consumer>
      {({ t }) => (
        <section className="narrow">
          <h1>{t('notFoundTitle')}</h1>
          <p><Link href="/">{t('goHome')}</Link></p>
        </section>
      )}
    </I18nContext.Consumer>
  );
}

