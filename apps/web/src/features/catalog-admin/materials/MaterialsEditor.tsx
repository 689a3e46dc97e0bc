import { CloudDownloadOutlined, FileProtectOutlined } from '@ant-design/icons';
import type { Material } from '@tongban/contracts';
import { Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/EmptyState.tsx';
import { ListEditor, type RowFocus } from '../lists/ListEditor.tsx';
import { MaterialForm, newMaterial } from './MaterialForm.tsx';

const necessityColour: Record<Material['necessity'], string | undefined> = { required: 'blue', optional: undefined, deferrable: 'orange' };

/** 申请材料: the table of materials; each opens in a drawer with every element. */
export function MaterialsEditor({
  id,
  value,
  onChange,
  focus,
}: {
  id?: string;
  value?: Material[];
  onChange?: (rows: Material[]) => void;
  focus: RowFocus | null;
}) {
  const { t } = useTranslation();
  const rows = value ?? [];
  const columns: TableColumnsType<Material> = [
    {
      title: t('catalogAdmin.material.name'),
      key: 'name',
      render: (_v, m) => (
        <>
          <div>{m.name || <span className="tb-muted">{t('catalogAdmin.material.unnamed')}</span>}</div>
          <div className="tb-muted tb-small tb-mono">{m.key}</div>
        </>
      ),
    },
    {
      title: t('catalogAdmin.material.necessity'),
      key: 'necessity',
      width: 110,
      render: (_v, m) => <Tag color={necessityColour[m.necessity]}>{t(`catalogAdmin.vocab.necessities.${m.necessity}`)}</Tag>,
    },
    {
      title: t('catalogAdmin.material.source'),
      key: 'source',
      render: (_v, m) => (
        <>
          <span>{t(`catalogAdmin.vocab.materialSources.${m.source}`)}</span>
          {m.source === 'licence_library' && (
            <div className="tb-small">
              <CloudDownloadOutlined aria-hidden /> {m.licenceType ?? <span className="tb-ca-missing">{t('catalogAdmin.material.licenceTypeMissing')}</span>}
            </div>
          )}
          {m.commitmentAllowed && (
            <div className="tb-small">
              <FileProtectOutlined aria-hidden /> {t('catalogAdmin.material.commitmentShort')}
            </div>
          )}
        </>
      ),
    },
    {
      title: t('catalogAdmin.material.kindAndForm'),
      key: 'kind',
      render: (_v, m) =>
        t('catalogAdmin.material.kindLine', {
          kind: t(`catalogAdmin.vocab.materialKinds.${m.kind}`),
          form: t(`guide.materials.forms.${m.form}`),
          original: m.originalCopies,
          copy: m.copyCopies,
        }),
    },
  ];
  return (
    <ListEditor<Material>
      id={id}
      value={rows}
      onChange={onChange}
      columns={columns}
      rowName={(m, i) => m.name || t('catalogAdmin.list.rowN', { n: i + 1 })}
      newRow={newMaterial}
      renderForm={(props) => <MaterialForm {...props} otherKeys={rows.filter((_r, i) => i !== props.index).map((r) => r.key)} />}
      addText={t('catalogAdmin.material.add')}
      addTitle={t('catalogAdmin.material.addTitle')}
      editTitle={(m) => t('catalogAdmin.material.editTitle', { name: m.name })}
      empty={<EmptyState title={t('catalogAdmin.material.empty')} text={t('catalogAdmin.material.emptyText')} />}
      focus={focus}
      testId="materials-editor"
    />
  );
}
