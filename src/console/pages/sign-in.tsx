import { useState, type SubmitEvent } from 'react';
import { ErrorMessage } from '../components/status';
import { request } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { navigate } from '../lib/router';
import { clearSession, saveSession, sessionFrom, type Session } from '../lib/session';

interface Me { subject: string; role: Session['role']; province: string | null }

/** `/`: paste a token; the server says whose it is (GET /auth/me), the tab keeps it (sessionStorage). */
export function SignInPage({ session, onChange }: { session: Session | null; onChange: () => void }) {
  const { t } = useI18n();
  const [token, setToken] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setError(null);
    setInvalid(false);
    const candidate = sessionFrom(token);
    if (!candidate) {
      setInvalid(true);
      return;
    }
    setBusy(true);
    try {
      await request<Me>('/api/v1/auth/me', { token: candidate.token });
      saveSession(candidate.token);
      onChange();
      navigate(candidate.role === 'police' ? '/' : '/findings');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="sign-in-title" className="narrow">
      <h1 id="sign-in-title">{t('signInTitle')}</h1>
      {session && (
        <div className="card" data-testid="session">
          <p>{t('signedInAs', { subject: session.subject })}</p>
          <dl className="pairs">
            <dt>{t('role')}</dt>
            <dd data-testid="role">{t(`role_${session.role}`)}</dd>
            <dt>{t('province')}</dt>
            <dd data-testid="province">{session.province ?? t('allProvinces')}</dd>
          </dl>
          <button type="button" onClick={() => { clearSession(); onChange(); }}>{t('signOut')}</button>
        </div>
      )}
      <form onSubmit={(e) => void submit(e)} className="card">
        <p className="muted">{t('signInHelp')}</p>
        <label htmlFor="token">{t('token')}</label>
        <input id="token" name="token" type="password" value={token} onChange={(e) => setToken(e.target.value)} required spellCheck={false}
          autoComplete="off" aria-describedby={invalid ? 'token-error' : undefined} aria-invalid={invalid || undefined} />
        {invalid && <p id="token-error" role="alert" className="alert alert-error">{t('notAToken')}</p>}
        {error !== null && <ErrorMessage error={error} />}
        <button type="submit" disabled={busy}>{t('signIn')}</button>
      </form>
    </section>
  );
}
