import { InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Progress, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, isApiError } from '../../../app/apiError.ts';
import { XLSX_MIME, checkFile, uploadWorkbook } from './api.ts';
import { ImportJobView } from './ImportJobView.tsx';

type Stage =
  | { kind: 'idle' }
  | { kind: 'uploading'; name: string; percent: number }
  | { kind: 'job'; id: string }
  | { kind: 'refused'; message: string; details: string[] };

/** Choose a file, send it (upload progress), then follow the import on the server. */
export function ImportPanel() {
  const { t } = useTranslation();
  const [publish, setPublish] = useState(true);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });

  const start = (file: File) => {
    const problem = checkFile(file);
    if (problem) {
      setStage({
        kind: 'refused',
        message: t(problem === 'type' ? 'catalogExcel.wrongType' : problem === 'size' ? 'catalogExcel.tooLarge' : 'catalogExcel.emptyFile'),
        details: [],
      });
      return;
    }
    setStage({ kind: 'uploading', name: file.name, percent: 0 });
    uploadWorkbook(file, publish, (percent) => setStage((s) => (s.kind === 'uploading' ? { ...s, percent } : s)))
      .then(({ id }) => setStage({ kind: 'job', id }))
      .catch((error: unknown) =>
        setStage({
          kind: 'refused',
          message: errorText(error),
          details: isApiError(error) ? error.issues.map((i) => t('common.labelValue', { label: i.path, value: i.message })) : [],
        }),
      );
  };

  const again = (
    <Button icon={<ReloadOutlined aria-hidden />} onClick={() => setStage({ kind: 'idle' })}>
      {t('catalogExcel.again')}
    </Button>
  );

  return (
    <Card size="small" title={<h2 className="tb-card-title">{t('catalogExcel.importTitle')}</h2>}>
      {stage.kind === 'idle' || stage.kind === 'refused' ? (
        <>
          {stage.kind === 'refused' && (
            <Alert
              className="tb-mb"
              type="error"
              showIcon
              title={t('catalogExcel.refusedTitle')}
              description={
                <>
                  <p>{stage.message}</p>
                  {stage.details.length > 0 && (
                    <ul>
                      {stage.details.map((d) => (
                        <li key={d}>{d}</li>
                      ))}
                    </ul>
                  )}
                </>
              }
            />
          )}
          <Checkbox checked={publish} onChange={(e) => setPublish(e.target.checked)}>
            {t('catalogExcel.publish')}
          </Checkbox>
          <p className="tb-muted tb-small">{t('catalogExcel.publishHint')}</p>
          <Upload.Dragger
            accept={`.xlsx,${XLSX_MIME}`}
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              start(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">{t('catalogExcel.dropTitle')}</p>
            <p className="ant-upload-hint">{t('catalogExcel.dropHint')}</p>
          </Upload.Dragger>
        </>
      ) : stage.kind === 'uploading' ? (
        <div>
          <p role="status" aria-live="polite">
            {t('catalogExcel.uploading', { name: stage.name })}
          </p>
          <Progress percent={stage.percent} status="active" aria-label={t('catalogExcel.progressLabel')} />
        </div>
      ) : (
        <ImportJobView id={stage.id} again={again} />
      )}
    </Card>
  );
}
