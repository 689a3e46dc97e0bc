import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

type Kind = 'ok' | 'refused' | 'error';

const known = new Set([400, 401, 403, 404, 429]);

/** The answer a call got: its HTTP status and what it means in words; green answered, red refused, grey server error. */
export function AccessStatusTag({ status }: { status: number }) {
  const { t } = useTranslation();
  const kind: Kind = status >= 200 && status < 300 ? 'ok' : status >= 400 && status < 500 ? 'refused' : 'error';
  const text =
    kind === 'ok'
      ? t('sharingAdmin.log.statusText.ok')
      : kind === 'error'
        ? t('sharingAdmin.log.statusText.error')
        : known.has(status)
          ? t(`sharingAdmin.log.statusText.s${status as 400 | 401 | 403 | 404 | 429}`)
          : t('sharingAdmin.log.statusText.refused');
  return (
    <Tag className={`tb-sa-result tb-sa-result-${kind}`}>
      <span className="tb-mono">{status}</span> {text}
    </Tag>
  );
}
