import { SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseDetail, FileMeta } from '@tongban/contracts';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { isApiError } from '../../../app/apiError.ts';
import { useFeedback } from '../../../app/feedback.ts';
import { applyKeys, getLimits } from '../apply/api.ts';
import { MaterialFiles } from '../apply/MaterialFiles.tsx';
import { myCaseKeys } from './api.ts';

/**
 * 补正: the one-time notice (each missing material with the officer's note), an upload for
 * exactly those materials, and the `supplement` action that sends them all at once.
 */
export function SupplementAnswer({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const client = useQueryClient();
  const limits = useQuery({ queryKey: applyKeys.limits, queryFn: ({ signal }) => getLimits(signal), staleTime: 60 * 60_000 });
  const asked = detail.supplementRequested;
  const [files, setFiles] = useState<Record<string, FileMeta[]>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () =>
      api.post<CaseDetail>(`/api/cases/${encodeURIComponent(detail.caseNo)}/actions`, {
        action: 'supplement',
        materials: asked.map((m) => ({ materialKey: m.materialKey, provided: 'upload', files: (files[m.materialKey] ?? []).map((f) => f.id) })),
        version: detail.version,
      }),
    onSuccess: (updated) => {
      client.setQueryData(myCaseKeys.detail(detail.caseNo), updated);
      void client.invalidateQueries({ queryKey: myCaseKeys.all });
      feedback.success(t('apply.supplement.done'));
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'VALIDATION_FAILED' && error.issues.length > 0) {
        const found: Record<string, string> = {};
        for (const issue of error.issues) {
          const [, at] = issue.path.split('.');
          const key = at !== undefined && /^\d+$/.test(at) ? asked[Number(at)]?.materialKey : at;
          if (key) found[key] = issue.message;
        }
        setErrors(found);
        setProblem(error.message);
        return;
      }
      setProblem(isApiError(error) ? error.message : t('errors.badResponse'));
      void client.invalidateQueries({ queryKey: myCaseKeys.detail(detail.caseNo) });
    },
  });

  const submit = () => {
    const missing = asked.filter((m) => (files[m.materialKey] ?? []).length === 0);
    if (missing.length > 0) {
      setErrors(Object.fromEntries(missing.map((m) => [m.materialKey, t('apply.supplement.needFile')])));
      setProblem(t('apply.supplement.incomplete'));
      return;
    }
    setProblem(null);
    send.mutate();
  };

  return (
    <section className="tb-section tb-supplement" aria-labelledby="supplement-h" data-testid="supplement-answer">
      <h2 id="supplement-h">{t('apply.supplement.title')}</h2>
      <p className="tb-muted">{t('apply.supplement.intro')}</p>
      {problem && <Alert className="tb-supplement-problem" type="error" showIcon role="alert" title={problem} data-testid="supplement-problem" />}
      <ol className="tb-apply-materials">
        {asked.map((m) => (
          <li
            key={m.materialKey}
            className={`tb-apply-material${errors[m.materialKey] ? ' tb-apply-material-error' : ''}`}
            data-testid={`supplement-${m.materialKey}`}
          >
            <h3>{m.name}</h3>
            {m.note && <p className="tb-apply-note">{t('apply.supplement.note', { note: m.note })}</p>}
            <MaterialFiles
              materialKey={m.materialKey}
              name={m.name}
              files={files[m.materialKey] ?? []}
              onChange={(update) => {
                setFiles((all) => ({ ...all, [m.materialKey]: update(all[m.materialKey] ?? []) }));
                setProblem(null);
                setErrors((e) => {
                  const { [m.materialKey]: _gone, ...rest } = e;
                  return rest;
                });
              }}
              limits={limits.data}
              error={errors[m.materialKey]}
            />
          </li>
        ))}
      </ol>
      <div className="tb-apply-nav">
        <Button type="primary" size="large" icon={<SendOutlined aria-hidden />} loading={send.isPending} onClick={submit} data-testid="supplement-send">
          {t('apply.supplement.send')}
        </Button>
      </div>
    </section>
  );
}
