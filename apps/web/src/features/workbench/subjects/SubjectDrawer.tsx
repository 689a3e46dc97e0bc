import { EditOutlined, EyeOutlined, LockOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Subject } from '@tongban/contracts';
import { Alert, Button, Descriptions, Drawer, Popconfirm, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../app/feedback.ts';
import { useFormat } from '../../../app/format.ts';
import { useSession } from '../../../app/session.ts';
import { revealSubject, subjectKeys, subjectLookups } from './api.ts';
import { KindTag } from './KindTag.tsx';
import { SubjectFormModal } from './SubjectFormModal.tsx';

/** The detail fields in the order a clerk reads them. */
const DETAIL_ORDER = ['legalRepresentative', 'ethnicity', 'address', 'phone', 'establishedOn', 'registrationAuthority', 'scope'];

/** One subject as the search showed it (masked), with the audited full view and, for the registry's keeper, who looked it up. */
export function SubjectDrawer({ subject, purpose, onClose }: { subject: Subject | null; purpose: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer open={subject !== null} onClose={onClose} title={t('subjects.detailTitle')} size="large" destroyOnHidden>
      {subject && <SubjectDetail key={subject.id} subject={subject} purpose={purpose} />}
    </Drawer>
  );
}

function SubjectDetail({ subject, purpose }: { subject: Subject; purpose: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const feedback = useFeedback();
  const roles = useSession().data?.roles ?? [];
  const canReveal = roles.some((r) => ['window', 'reviewer', 'approver', 'centre_admin'].includes(r));
  const isKeeper = roles.includes('centre_admin');
  const [full, setFull] = useState<Subject | null>(null);
  const [editing, setEditing] = useState(false);
  const shown = full ?? subject;
  const reveal = useMutation({
    mutationFn: () => revealSubject(subject.id, purpose),
    onSuccess: (s) => {
      setFull(s);
      feedback.success(t('subjects.revealed'));
    },
    onError: (e) => feedback.failure(e),
  });
  const lookups = useQuery({
    queryKey: subjectKeys.lookups(subject.id),
    queryFn: ({ signal }) => subjectLookups(subject.id, signal),
    enabled: isKeeper,
  });
  const details = Object.entries(shown.details).sort(([a], [b]) => DETAIL_ORDER.indexOf(a) - DETAIL_ORDER.indexOf(b));

  return (
    <Space direction="vertical" size="large" className="tb-subject-detail">
      {shown.masked ? (
        <Alert type="info" showIcon icon={<LockOutlined aria-hidden />} message={t('subjects.maskedNotice')} />
      ) : (
        <Alert type="warning" showIcon message={t('subjects.fullNotice', { purpose })} />
      )}
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'kind', label: t('subjects.kind'), children: <KindTag kind={shown.kind} /> },
          { key: 'name', label: t('subjects.name'), children: shown.name },
          {
            key: 'identifier',
            label: t(shown.kind === 'person' ? 'subjects.residentId' : 'subjects.creditCode'),
            children: <span className="tb-mono">{shown.identifier}</span>,
          },
          ...(shown.kind === 'person'
            ? [
                { key: 'gender', label: t('subjects.gender'), children: shown.gender ? t(`subjects.genders.${shown.gender}`) : '' },
                { key: 'birth', label: t('subjects.birthDate'), children: shown.birthDate ?? '' },
              ]
            : []),
          ...details.map(([k, v]) => ({ key: k, label: t(`subjects.fields.${k}`, { defaultValue: k }), children: v })),
          { key: 'region', label: t('subjects.region'), children: shown.regionName ?? shown.regionCode },
          {
            key: 'status',
            label: t('subjects.status'),
            children: <Tag color={shown.status === 'active' ? 'green' : 'default'}>{t(`subjects.statuses.${shown.status}`)}</Tag>,
          },
          { key: 'source', label: t('subjects.source'), children: shown.source },
          { key: 'updated', label: t('subjects.updatedAt'), children: fmt.dateTime(shown.updatedAt) },
        ]}
      />
      <Space wrap>
        {canReveal && shown.masked && (
          <Popconfirm
            title={t('subjects.revealConfirm')}
            description={t('subjects.revealConfirmText', { purpose })}
            okText={t('subjects.reveal')}
            cancelText={t('common.cancel')}
            onConfirm={() => reveal.mutateAsync().catch(() => undefined)}
          >
            <Button icon={<EyeOutlined aria-hidden />} loading={reveal.isPending}>
              {t('subjects.reveal')}
            </Button>
          </Popconfirm>
        )}
        {isKeeper && full && (
          <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
            {t('subjects.edit')}
          </Button>
        )}
      </Space>
      {isKeeper && (
        <section aria-labelledby="subject-lookups">
          <Typography.Title level={5} id="subject-lookups">
            {t('subjects.lookups')}
          </Typography.Title>
          <Timeline
            items={(lookups.data ?? []).map((l, i) => ({
              key: i,
              children: (
                <>
                  <div>
                    {fmt.dateTime(l.at)} · {l.actorName ?? t('subjects.unknownActor')} · {t(`subjects.actions.${l.action}`)}
                  </div>
                  {l.purpose && <Typography.Text type="secondary">{t('subjects.purposeShown', { purpose: l.purpose })}</Typography.Text>}
                </>
              ),
            }))}
          />
        </section>
      )}
      {full && <SubjectFormModal open={editing} record={full} onClose={() => setEditing(false)} onSaved={setFull} />}
    </Space>
  );
}
