import { useEffect } from 'react';
import { Card, List, Skeleton } from 'antd';
import { Link } from 'react-router';
import { useMe } from '../../app/session.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { auditActionLabel, auditEntityLabel } from '../audit/entities.ts';
import { refreshWorkbench, useWorkbench } from './use-workbench.ts';
import './workbench.css';

/** 工作台: where every role starts the day: what waits for them, their area's figures, their latest actions. */
export default function WorkbenchPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  usePageTitle(t('workbench.heading'));
  const bench = useWorkbench(me.id);
  useEffect(() => {
    void refreshWorkbench(me.id);
  }, [me.id]);
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const ownFigures = bench?.figures.some((f) => f.key === 'myStudios') ?? false;
  const waiting = bench?.todos.filter((d) => d.count > 0) ?? [];

  return (
    <div className="hm-workbench" data-testid="workbench" aria-busy={bench === undefined}>
      <h1 className="hm-page-title">{t('workbench.heading')}</h1>
      <p>{t('workbench.greeting', { name: me.displayName })}</p>
      {!bench ? (
        <Skeleton active />
      ) : (
        <div className="hm-workbench-grid">
          <Card size="small" title={<h2 className="hm-card-title">{t('workbench.todos')}</h2>}>
            {bench.todos.length === 0 || waiting.length === 0 ? <p>{t('workbench.todos.none')}</p> : null}
            <ul className="hm-todo-list" aria-label={t('workbench.todos')}>
              {bench.todos.map((todo) => (
                <li key={todo.key} className={todo.count > 0 ? 'hm-todo hm-todo-waiting' : 'hm-todo'}>
                  <Link to={todo.path} data-testid={`todo-${todo.key}`}>
                    <span className="hm-todo-label" data-testid="todo-label">
                      {t(`workbench.todo.${todo.key}`)}
                    </span>
                    <span
                      className={todo.count > 0 ? 'hm-todo-count hm-todo-count-waiting' : 'hm-todo-count'}
                      data-testid={`todo-count-${todo.key}`}
                    >
                      {todo.count}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
          <Card
            size="small"
            title={<h2 className="hm-card-title">{t(ownFigures ? 'workbench.figures.mine' : 'workbench.figures')}</h2>}
          >
            <dl className="hm-figures">
              {bench.figures.map((f) => (
                <div key={f.key} className="hm-figure" data-testid={`figure-${f.key}`}>
                  <dt>{t(`workbench.figure.${f.key}`)}</dt>
                  <dd data-testid="figure-value">{f.value.toLocaleString(locale)}</dd>
                </div>
              ))}
            </dl>
          </Card>
          <Card size="small" title={<h2 className="hm-card-title">{t('workbench.recent')}</h2>}>
            {bench.recent.length === 0 ? (
              <p>{t('workbench.recent.none')}</p>
            ) : (
              <List
                size="small"
                dataSource={bench.recent}
                renderItem={(r) => (
                  <List.Item>
                    <time dateTime={r.at}>{format.format(new Date(r.at))}</time>{' '}
                    <span>
                      {auditActionLabel(t, r.action)} · {auditEntityLabel(t, r.entity)}
                      {r.entityId ? ` #${r.entityId}` : ''}
                    </span>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </div>
      )}
    </div>
  );
}
