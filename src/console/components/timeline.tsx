import { formatDateTime, shortHash } from '../lib/format';
import { useI18n } from '../lib/i18n';
import type { LoggedEvent } from '../lib/types';

/** Events as a timeline in log order: position, type, stream, when and by whom, and the hash chain. */
export function Timeline({ events, label }: { events: LoggedEvent[]; label: string }) {
  const { t } = useI18n();
  return (
    <ol className="timeline" aria-label={label}>
      {events.map((e) => (
        <li key={e.eventId} className="event" data-event-id={e.eventId}>
          <div className="event-head">
            <span className="position" title={`globalPosition ${e.globalPosition}`}>
              {t('position')} {e.position.commit}/{e.position.prepare}
            </span>
            <strong>{e.type}</strong>
            <span className="muted">{formatDateTime(e.metadata.recordedAt)}</span>
            {e.metadata.actor && <span className="muted">{t('by', { actor: `${e.metadata.actor.subject} (${t(`role_${e.metadata.actor.role}`)}${e.metadata.actor.province ? ` ${e.metadata.actor.province}` : ''})` })}</span>}
          </div>
          <dl className="pairs small">
            <dt>{t('stream')}</dt>
            <dd><code>{e.stream}</code> #{e.revision}</dd>
            <dt>{t('hash')}</dt>
            <dd><code className="hash" title={e.hash}>{shortHash(e.hash, 16)}</code></dd>
            <dt>{t('prevHash')}</dt>
            <dd><code className="hash" title={e.prevHash}>{shortHash(e.prevHash, 16)}</code></dd>
          </dl>
          <details>
            <summary>{t('details')}</summary>
            <pre>{JSON.stringify(e.data, null, 2)}</pre>
          </details>
        </li>
      ))}
    </ol>
  );
}
