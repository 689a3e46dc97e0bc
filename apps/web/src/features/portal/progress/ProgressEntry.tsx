import { FileSearchOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { progressPath } from './api.ts';
import './progress.css';

/** 办件查询 on the portal home: one tap to the progress query, no login needed. */
export function ProgressEntry() {
  const { t } = useTranslation();
  return (
    <Link to={progressPath()} className="tb-progress-entry" data-testid="home-progress-entry">
      <FileSearchOutlined className="tb-progress-entry-icon" aria-hidden />
      <span className="tb-progress-entry-text">
        <strong>{t('progress.homeTitle')}</strong>
        <span>{t('progress.homeText')}</span>
      </span>
      <RightOutlined className="tb-progress-entry-go" aria-hidden />
    </Link>
  );
}
