import type { LicenceFace } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format.ts';

/** 有效期限 in words: "2026年3月2日 至 2031年3月1日", or 长期有效. */
export function useValidityText() {
  const { t } = useTranslation();
  const format = useFormat();
  return (face: Pick<LicenceFace, 'validFrom' | 'validUntil'>) =>
    face.validUntil ? t('licences.validRange', { from: format.date(face.validFrom), until: format.date(face.validUntil) }) : t('licences.permanent');
}

/**
 * What a licence says: holder, issuer, dates, then every data field of its face. The ID number is
 * as the server sends it (in full in the wallet, masked on the public verify page).
 */
export function LicenceFacts({ face, brief = false }: { face: LicenceFace; brief?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const validity = useValidityText();
  const rows: [string, string, string?][] = [
    [t('licences.holder'), face.holderName, 'holder'],
    ...(brief ? [] : ([[t('licences.holderId'), face.holderIdNumber, 'holder-id']] as [string, string, string][])),
    [t('licences.issuer'), face.issuerName, 'issuer'],
    ...(brief ? [] : ([[t('licences.issueDate'), format.date(face.issueDate), 'issue-date']] as [string, string, string][])),
    [t('licences.validity'), validity(face), 'validity'],
  ];
  return (
    <dl className="tb-licence-facts">
      {rows.map(([label, value, key]) => (
        <div key={label} data-testid={key ? `licence-${key}` : undefined}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** 照面信息: each data field of the licence type, label and value. */
export function LicenceFields({ face }: { face: LicenceFace }) {
  return (
    <dl className="tb-licence-facts tb-licence-fields" data-testid="licence-fields">
      {face.fields.map((f) => (
        <div key={f.key} data-field={f.key}>
          <dt>{f.label}</dt>
          <dd>{f.value || '—'}</dd>
        </div>
      ))}
    </dl>
  );
}
