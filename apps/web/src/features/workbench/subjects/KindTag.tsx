import type { SubjectKind } from '@tongban/domain';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colours: Record<SubjectKind, string> = { person: 'blue', enterprise: 'gold', institution: 'cyan', social_org: 'purple', government: 'red' };

/** 自然人 / 企业 / 事业单位 / 社会组织 / 机关 */
export function KindTag({ kind }: { kind: SubjectKind }) {
  const { t } = useTranslation();
  return <Tag color={colours[kind]}>{t(`subjects.kinds.${kind}`)}</Tag>;
}
