import { useTitle } from '../hooks.ts';
import { useT, type ResidentKey } from '../i18n/index.tsx';
import { recentCodes } from '../recent.ts';
import { Link } from '../router.tsx';

/** What a resident can do here, in the order a first visit needs them. */
const TASKS: ReadonlyArray<{ to: string; icon: string; title: ResidentKey; text: ResidentKey }> = [
  { to: '/find', icon: '⌖', title: 'home.find', text: 'home.findText' },
  { to: '/ask', icon: '✚', title: 'home.ask', text: 'home.askText' },
  { to: '/track', icon: '✓', title: 'home.track', text: 'home.trackText' },
  { to: '/sms', icon: '✉', title: 'home.sms', text: 'home.smsText' },
  { to: '/mailbox', icon: '✎', title: 'home.mailbox', text: 'home.mailboxText' },
];

/** `/` — the residents' front door: every service one tap away, the staff login one link away. */
export function HomePage() {
  const { t } = useT();
  useTitle(t('home.title'));
  const recent = recentCodes();
  return (
    <div className="r-stack">
      <h1>{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
      {recent[0] && (
        <p className="r-notice r-notice-info">
          <Link to={`/track/${recent[0]}`}>{t('home.lastRequest', { code: recent[0] })}</Link>
        </p>
      )}
      <ul className="r-home-tasks" data-testid="home-tasks">
        {TASKS.map((task) => (
          <li key={task.to}>
            <Link to={task.to} className="r-home-task">
              <span className="r-home-icon" aria-hidden="true">
                {task.icon}
              </span>
              <span>
                <span className="r-home-task-title">{t(task.title)}</span>
                <span className="r-home-task-text">{t(task.text)}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="r-hint">
        {/* The console is another app (index.html): a full page load, not an in-page link. */}
        <a href="/login">{t('home.staffLogin')}</a>
      </p>
    </div>
  );
}
