import { Button, Form, Input, Radio, Table, Tag, type FormInstance } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../../app/i18n.ts';
import { blocksAcceptance, materialMode, presentProvision, provisionOptions, type Marks, type Material, type Provision } from './walkIn.ts';

const necessityColor: Record<Material['necessity'], string | undefined> = { required: 'red', deferrable: 'orange', optional: undefined };

/**
 * The note a one-time notice starts with for a material marked 缺: the guide's acceptance
 * standard when it has one. Always in Chinese, whatever the clerk's language: it is printed on
 * the notice (一次性告知书) the applicant takes home.
 */
export function defaultNote(m: Material): string {
  const zh = i18n.getFixedT('zh-CN');
  return m.acceptanceStandard ? zh('walkIn.materials.noteWithStandard', { standard: m.acceptanceStandard }) : zh('walkIn.materials.noteDefault');
}

/** ④ 材料核验: each material of the guide, marked by the clerk. */
export function MaterialsSection({ form, materials }: { form: FormInstance; materials: readonly Material[] }) {
  const { t } = useTranslation();
  const marks = (Form.useWatch('marks', form) ?? {}) as Marks;

  const onMark = (m: Material, value: Provision) => {
    if (value === 'missing' && blocksAcceptance(m) && !form.getFieldValue(['notes', m.key])) form.setFieldValue(['notes', m.key], defaultNote(m));
  };

  return (
    <Table<Material>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={[...materials]}
      data-testid="walkin-materials"
      onRow={(m) => ({ 'data-testid': `walkin-material-${m.key}` }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: '#', key: 'n', width: 40, render: (_v, _m, i) => i + 1 },
        {
          title: t('walkIn.materials.name'),
          key: 'name',
          render: (_v, m) => (
            <div>
              <div className="tb-walkin-material-name">{m.name}</div>
              <div className="tb-walkin-material-tags">
                <Tag color={necessityColor[m.necessity]}>{t(`workbenchCases.necessities.${m.necessity}`)}</Tag>
                {m.source === 'licence_library' && <Tag color="blue">{t('walkIn.materials.fromLibrary')}</Tag>}
                {m.commitmentAllowed && <Tag color="purple">{t('walkIn.materials.commitmentAllowed')}</Tag>}
              </div>
              {m.acceptanceStandard && <div className="tb-muted tb-small">{t('walkIn.materials.standard', { standard: m.acceptanceStandard })}</div>}
            </div>
          ),
        },
        {
          title: t('walkIn.materials.check'),
          key: 'check',
          width: '46%',
          render: (_v, m) => {
            const mode = materialMode(m);
            if (mode === 'form') return <span className="tb-muted">{t('walkIn.materials.formRow')}</span>;
            if (mode === 'shared') return <span className="tb-muted">{t('walkIn.materials.sharedRow')}</span>;
            const showNote = marks[m.key] === 'missing' && blocksAcceptance(m);
            return (
              <>
                <Form.Item name={['marks', m.key]} rules={[{ required: true, message: t('walkIn.materials.choose') }]} className="tb-walkin-mark">
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    size="small"
                    aria-label={t('walkIn.materials.checkOf', { name: m.name })}
                    onChange={(e) => onMark(m, e.target.value as Provision)}
                    options={provisionOptions(m).map((p) => ({ value: p, label: t(`walkIn.materials.provisions.${p}`) }))}
                  />
                </Form.Item>
                {showNote && (
                  <Form.Item
                    name={['notes', m.key]}
                    label={t('walkIn.materials.note')}
                    className="tb-walkin-note"
                    rules={[{ max: 500, message: t('validation.maxLength', { max: 500 }) }]}
                  >
                    <Input maxLength={500} />
                  </Form.Item>
                )}
              </>
            );
          },
        },
      ]}
    />
  );
}

/** "其余全部已收取": every material not yet marked as there (the licence library for its materials). */
export function MarkRestButton({ form, materials, onMarked }: { form: FormInstance; materials: readonly Material[]; onMarked: (marks: Marks) => void }) {
  const { t } = useTranslation();
  return (
    <Button
      size="small"
      onClick={() => {
        const marks = (form.getFieldValue('marks') ?? {}) as Marks;
        const next: Marks = { ...marks };
        for (const m of materials) if (materialMode(m) === 'check' && !next[m.key]) next[m.key] = presentProvision(m);
        form.setFieldValue('marks', next);
        onMarked(next);
        form.validateFields(materials.filter((m) => materialMode(m) === 'check').map((m) => ['marks', m.key])).catch(() => undefined);
      }}
      data-testid="walkin-mark-rest"
    >
      {t('walkIn.materials.markRest')}
    </Button>
  );
}
