import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CaseDetail } from '@tongban/contracts';
import { Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../app/feedback.ts';
import { myCaseKeys, withdrawCase } from './api.ts';

/** 撤回: a button that asks first (with an optional reason), then says what happened. */
export function WithdrawCase({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: () => withdrawCase(detail.caseNo, { reason: reason.trim() || t('myCases.withdraw.defaultReason'), version: detail.version }),
    onSuccess: (updated) => {
      client.setQueryData(myCaseKeys.detail(detail.caseNo), updated);
      void client.invalidateQueries({ queryKey: myCaseKeys.all });
      setOpen(false);
      feedback.success(t('myCases.withdraw.done', { caseNo: detail.caseNo }));
    },
    onError: (error) => {
      setOpen(false);
      feedback.failure(error);
      void client.invalidateQueries({ queryKey: myCaseKeys.detail(detail.caseNo) });
    },
  });

  return (
    <section className="tb-section tb-case-withdraw" aria-labelledby="case-withdraw-h">
      <h2 id="case-withdraw-h">{t('myCases.withdraw.title')}</h2>
      <p className="tb-muted">{t('myCases.withdraw.text')}</p>
      <Button danger size="large" onClick={() => setOpen(true)} data-testid="case-withdraw">
        {t('myCases.withdraw.button')}
      </Button>
      <Modal
        open={open}
        title={t('myCases.withdraw.confirmTitle')}
        okText={t('myCases.withdraw.confirm')}
        cancelText={t('myCases.withdraw.cancel')}
        okButtonProps={{ danger: true, loading: mutation.isPending }}
        onOk={() => mutation.mutate()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <p>{t('myCases.withdraw.confirmText', { name: detail.itemName })}</p>
        <Form layout="vertical">
          <Form.Item label={t('myCases.withdraw.reasonLabel')} htmlFor="case-withdraw-reason">
            <Input.TextArea id="case-withdraw-reason" maxLength={500} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </section>
  );
}
