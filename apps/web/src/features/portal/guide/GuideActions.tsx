import { DownloadOutlined, FormOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { guidePdfUrl, noticePdfUrl } from '../catalog/api.ts';
import { ButtonLink } from '../../../app/components/ButtonLink.tsx';
import { applyPath } from '../apply/api.ts';

/** 在线申请 (not open yet: said in words, not only by a greyed button), 打印办事指南, 下载一次性告知书. */
export function GuideActions({ implCode, online = false }: { implCode: string; online?: boolean }) {
  const { t } = useTranslation();
  const soonId = useId();
  return (
    <div className="tb-guide-actions">
      <div className="tb-guide-buttons">
        {online ? (
          <ButtonLink
            type="primary"
            size="large"
            icon={<FormOutlined aria-hidden />}
            to={applyPath(implCode)}
            aria-describedby={soonId}
            data-testid="guide-apply"
          >
            {t('apply.start')}
          </ButtonLink>
        ) : (
          <Tooltip title={t('guide.applySoon')}>
            <Button type="primary" size="large" icon={<FormOutlined aria-hidden />} disabled aria-describedby={soonId}>
              {t('guide.apply')}
            </Button>
          </Tooltip>
        )}
        <Button size="large" href={guidePdfUrl(implCode)} download icon={<PrinterOutlined aria-hidden />} data-testid="guide-pdf">
          {t('guide.printGuide')}
        </Button>
        <Button size="large" href={noticePdfUrl(implCode)} download icon={<DownloadOutlined aria-hidden />}>
          {t('guide.downloadNotice')}
        </Button>
      </div>
      <p id={soonId} className="tb-fact-note">
        {online ? t('apply.startHint') : t('guide.applySoonText')}
      </p>
      <p className="tb-fact-note">{t('guide.noticeHint')}</p>
    </div>
  );
}
