import { FullscreenOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { HallWindow } from '@tongban/contracts';
import { Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/apiError.ts';
import { DocumentTitle } from '../../app/components/DocumentTitle.tsx';
import { QueryError } from '../../app/components/QueryError.tsx';
import { useFormat } from '../../app/format.ts';
import { getHall, listWindows, orgKeys } from '../org/api.ts';
import { Clock } from './Clock.tsx';
import { DisplayFrame } from './DisplayFrame.tsx';

const REFRESH_MS = 30_000;

function WindowRow({ w }: { w: HallWindow }) {
  const { t } = useTranslation();
  return (
    <li className={w.active ? 'tb-led-window' : 'tb-led-window tb-led-window-paused'}>
      <span className="tb-led-number">{w.number}</span>
      <span className="tb-led-name">
        {w.name}
        {w.departmentName && <span className="tb-led-dept">{w.departmentName}</span>}
      </span>
      <span className="tb-led-status">
        <span className="tb-led-dot" aria-hidden />
        {w.active ? t('display.statusWaiting') : t('display.statusPaused')}
      </span>
    </li>
  );
}

/** /display/:hallId — the LED screen in the hall: name, clock, every window's status. */
export function HallDisplayPage() {
  const { hallId = '' } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const hall = useQuery({
    queryKey: orgKeys.hall(hallId),
    queryFn: ({ signal }) => getHall(hallId, signal),
    refetchInterval: 5 * 60_000,
  });
  const windows = useQuery({
    queryKey: orgKeys.windows(hallId),
    queryFn: ({ signal }) => listWindows(hallId, signal),
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: true,
    enabled: hall.isSuccess,
  });

  const fullscreen = (
    <Button
      type="text"
      className="tb-header-btn tb-header-btn-dark"
      icon={<FullscreenOutlined aria-hidden />}
      onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}
    >
      {t('display.fullscreen')}
    </Button>
  );

  if (hall.isPending) {
    return (
      <DisplayFrame>
        <div className="tb-led-center">
          <Spin size="large" />
        </div>
      </DisplayFrame>
    );
  }
  if (hall.isError) {
    const notFound = isApiError(hall.error) && hall.error.status === 404;
    return (
      <DisplayFrame>
        <div className="tb-led-center">
          {notFound ? <p className="tb-led-message">{t('display.notFound')}</p> : <QueryError error={hall.error} onRetry={() => void hall.refetch()} />}
          <Link to="/display">{t('display.backToPick')}</Link>
        </div>
      </DisplayFrame>
    );
  }

  const h = hall.data;
  const list = [...(windows.data ?? [])].sort((a, b) => a.number.localeCompare(b.number, 'zh-CN', { numeric: true }));
  return (
    <DisplayFrame tools={fullscreen}>
      <DocumentTitle title={h.name} />
      <header className="tb-led-head">
        <div>
          <p className="tb-led-welcome">{t('display.welcome')}</p>
          <h1 className="tb-led-title">{h.name}</h1>
        </div>
        <Clock />
      </header>
      <section aria-labelledby="led-windows" className="tb-led-board">
        <h2 id="led-windows" className="tb-led-board-title">
          {t('display.windows')}
        </h2>
        {windows.isPending ? (
          <Spin size="large" />
        ) : list.length === 0 && !windows.isError ? (
          <p className="tb-led-message">{t('display.noWindows')}</p>
        ) : (
          <ul className="tb-led-windows" aria-live="polite">
            {list.map((w) => (
              <WindowRow key={w.id} w={w} />
            ))}
          </ul>
        )}
      </section>
      <footer className="tb-led-foot">
        <span>{t('display.hours', { hours: h.openingHours })}</span>
        {windows.isError ? (
          <span className="tb-led-warning" role="status">
            {t('display.offline')}
          </span>
        ) : (
          windows.dataUpdatedAt > 0 && <span>{t('display.updatedAt', { time: fmt.time(windows.dataUpdatedAt) })}</span>
        )}
      </footer>
    </DisplayFrame>
  );
}
