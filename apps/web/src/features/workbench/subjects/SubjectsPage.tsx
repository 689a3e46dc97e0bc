import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Subject } from '@tongban/contracts';
import { SUBJECT_KINDS, type SubjectKind } from '@tongban/domain';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchButton } from '../../../app/components/SearchButton.tsx';
import { EmptyState } from '../../../app/components/EmptyState.tsx';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { AreaPage } from '../../../app/layout/AreaPage.tsx';
import { listPagination } from '../../../app/pagination.ts';
import { useSession } from '../../../app/session.ts';
import { searchSubjects, subjectCounts, subjectKeys, type SubjectSearch } from './api.ts';
import { SubjectDrawer } from './SubjectDrawer.tsx';
import { SubjectFormModal } from './SubjectFormModal.tsx';
import { KindTag } from './KindTag.tsx';
import './subjects.css';

/** The purpose stays for the working session: a clerk states it once per task, not per search. */
const PURPOSE_KEY = 'tb.subjects.purpose';

interface Criteria {
  purpose: string;
  q: string;
  kind?: SubjectKind;
}

/** 主体库查询: persons (人口库) and organisations (法人库) in the staff member's data scope; masked; every look-up audited. */
export function SubjectsPage() {
  const { t } = useTranslation();
  const roles = useSession().data?.roles ?? [];
  const isKeeper = roles.includes('centre_admin');
  const [form] = Form.useForm<Criteria>();
  const [search, setSearch] = useState<SubjectSearch | null>(null);
  const [open, setOpen] = useState<Subject | null>(null);
  const [adding, setAdding] = useState(false);
  const counts = useQuery({ queryKey: subjectKeys.counts, queryFn: ({ signal }) => subjectCounts(signal) });
  const results = useQuery({
    queryKey: search ? subjectKeys.search(search) : ['subjects', 'idle'],
    queryFn: ({ signal }) => searchSubjects(search!, signal),
    enabled: search !== null,
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<Subject> = [
    { title: t('subjects.kind'), key: 'kind', width: 110, render: (_v, s) => <KindTag kind={s.kind} /> },
    {
      title: t('subjects.name'),
      key: 'name',
      render: (_v, s) => (
        <Button type="link" className="tb-subject-name" onClick={() => setOpen(s)}>
          {s.name}
        </Button>
      ),
    },
    { title: t('subjects.identifier'), key: 'identifier', render: (_v, s) => <span className="tb-mono">{s.identifier}</span> },
    { title: t('subjects.region'), key: 'region', responsive: ['md'], render: (_v, s) => s.regionName ?? s.regionCode },
    {
      title: t('subjects.status'),
      key: 'status',
      width: 90,
      render: (_v, s) => <Tag color={s.status === 'active' ? 'green' : 'default'}>{t(`subjects.statuses.${s.status}`)}</Tag>,
    },
    { title: t('subjects.source'), dataIndex: 'source', key: 'source', responsive: ['lg'] },
  ];

  return (
    <AreaPage
      title={t('subjects.title')}
      extra={
        isKeeper && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
            {t('subjects.add')}
          </Button>
        )
      }
    >
      {counts.data && (
        <div className="tb-subject-counts" aria-label={t('subjects.countsLabel')}>
          {SUBJECT_KINDS.map((k) => (
            <Card key={k} size="small">
              <div className="tb-subject-count-label">{t(`subjects.kinds.${k}`)}</div>
              <div className="tb-subject-count-value">{counts.data[k]}</div>
            </Card>
          ))}
        </div>
      )}
      <Card className="tb-mt">
        <Alert type="info" showIcon className="tb-mb" message={t('subjects.auditNotice')} />
        <Form<Criteria>
          form={form}
          name="subjectSearch"
          layout="vertical"
          role="search"
          initialValues={{ purpose: sessionStorage.getItem(PURPOSE_KEY) ?? '' }}
          onFinish={(v) => {
            sessionStorage.setItem(PURPOSE_KEY, v.purpose.trim());
            setSearch({ q: v.q.trim(), kind: v.kind, purpose: v.purpose.trim(), page: 1, pageSize: search?.pageSize ?? 20 });
          }}
        >
          <div className="tb-subject-criteria">
            <Form.Item
              name="purpose"
              label={t('subjects.purpose')}
              extra={t('subjects.purposeHint')}
              rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('subjects.purposeRequired') }]}
            >
              <Input maxLength={200} placeholder={t('subjects.purposePlaceholder')} />
            </Form.Item>
            <Form.Item
              name="q"
              label={t('subjects.query')}
              rules={[{ required: true, whitespace: true, min: 2, max: 60, message: t('subjects.queryRequired') }]}
            >
              <Input maxLength={60} placeholder={t('subjects.queryPlaceholder')} allowClear spellCheck={false} />
            </Form.Item>
            <Form.Item name="kind" label={t('subjects.kind')}>
              <Select<SubjectKind>
                allowClear
                placeholder={t('subjects.allKinds')}
                options={SUBJECT_KINDS.map((k) => ({ value: k, label: t(`subjects.kinds.${k}`) }))}
              />
            </Form.Item>
          </div>
          <Space>
            <SearchButton loading={results.isFetching} />
          </Space>
        </Form>
      </Card>
      <Card className="tb-mt" aria-live="polite">
        {!search ? (
          <EmptyState title={t('subjects.start')} text={t('subjects.startText')} />
        ) : results.isError ? (
          <QueryError error={results.error} onRetry={() => void results.refetch()} />
        ) : (
          <Table<Subject>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={results.data?.items ?? []}
            loading={results.isFetching}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyState title={t('subjects.none')} text={t('subjects.noneText')} /> }}
            pagination={listPagination(search, results.data?.total, (update) => setSearch((s) => (s ? update(s) : s)), t)}
          />
        )}
      </Card>
      <SubjectDrawer subject={open} purpose={search?.purpose ?? ''} onClose={() => setOpen(null)} />
      <SubjectFormModal open={adding} onClose={() => setAdding(false)} />
    </AreaPage>
  );
}
