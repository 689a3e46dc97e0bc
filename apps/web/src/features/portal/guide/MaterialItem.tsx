import { CloudDownloadOutlined, FileProtectOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaterialView } from '../catalog/vocab.ts';

// Darker text than antd's preset colours, for WCAG AA contrast on the light tag backgrounds.
const necessityClass: Record<MaterialView['necessity'], string> = { required: 'tb-tag tb-tag-blue', optional: 'tb-tag', deferrable: 'tb-tag tb-tag-orange' };

function useCopiesText(): (m: MaterialView) => string {
  const { t } = useTranslation();
  return (m) => {
    switch (m.kind) {
      case 'original':
        return t('guide.materials.original', { count: m.originalCopies });
      case 'copy':
        return t('guide.materials.copy', { count: m.copyCopies });
      case 'original_and_copy':
        return t('guide.materials.originalAndCopy', { original: m.originalCopies, copy: m.copyCopies });
      case 'original_or_copy':
        return t('guide.materials.originalOrCopy', { count: Math.max(m.originalCopies, m.copyCopies) });
    }
  };
}

function MaterialTags({ m, extra }: { m: MaterialView; extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="tb-material-tags">
      <Tag className={necessityClass[m.necessity]}>{t(`guide.materials.necessity.${m.necessity}`)}</Tag>
      {m.source === 'licence_library' && (
        <Tag className="tb-tag tb-tag-green" icon={<CloudDownloadOutlined aria-hidden />}>
          {t('guide.materials.fromLibrary')}
        </Tag>
      )}
      {m.commitmentAllowed && (
        <Tag className="tb-tag tb-tag-purple" icon={<FileProtectOutlined aria-hidden />}>
          {t('guide.materials.commitment')}
        </Tag>
      )}
      {extra}
    </div>
  );
}

interface Props {
  m: MaterialView;
  /** The name's heading level: 3 in the guide, 4 under a group heading. */
  level?: 3 | 4;
  /** Extra tags after the standard ones. */
  tags?: ReactNode;
  /** Extra label/value rows (each a <div><dt/><dd/></div>) before the standard ones. */
  rows?: ReactNode;
}

/** One material: name, tags (必要/容缺后补, 电子证照库, 告知承诺), copies, form, source and notes. */
export function MaterialItem({ m, level = 3, tags, rows }: Props) {
  const { t } = useTranslation();
  const copiesText = useCopiesText();
  const Heading = level === 4 ? 'h4' : 'h3';
  return (
    <li className="tb-material">
      <Heading>{m.name}</Heading>
      <MaterialTags m={m} extra={tags} />
      <dl className="tb-kv">
        {rows}
        <div>
          <dt>{t('guide.materials.copies')}</dt>
          <dd>{t('guide.materials.copiesAndForm', { copies: copiesText(m), form: t(`guide.materials.forms.${m.form}`) })}</dd>
        </div>
        <div>
          <dt>{t('guide.materials.source')}</dt>
          <dd>
            {t(`guide.materials.sources.${m.source}`)}
            {m.sourceNote && <div className="tb-fact-note">{m.sourceNote}</div>}
          </dd>
        </div>
        {m.necessity === 'deferrable' && (
          <div>
            <dt>{t('guide.materials.necessity.deferrable')}</dt>
            <dd>{t('guide.materials.deferrableHint')}</dd>
          </div>
        )}
        {m.commitmentAllowed && (
          <div>
            <dt>{t('guide.materials.commitment')}</dt>
            <dd>{t('guide.materials.commitmentHint')}</dd>
          </div>
        )}
        {m.fillingNotes && (
          <div>
            <dt>{t('guide.materials.notes')}</dt>
            <dd>{m.fillingNotes}</dd>
          </div>
        )}
        {m.acceptanceStandard && (
          <div>
            <dt>{t('guide.materials.standard')}</dt>
            <dd>{m.acceptanceStandard}</dd>
          </div>
        )}
      </dl>
    </li>
  );
}
