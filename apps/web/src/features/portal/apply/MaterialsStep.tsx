import { CloudDownloadOutlined, FileProtectOutlined, FormOutlined, TeamOutlined } from '@ant-design/icons';
import type { FileMeta, Material, UploadLimits } from '@tongban/contracts';
import { Checkbox, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MaterialEntry } from './api.ts';
import { MaterialFiles } from './MaterialFiles.tsx';

// Darker text than antd's preset colours, for WCAG AA contrast on the light tag backgrounds.
const necessityClass: Record<Material['necessity'], string> = { required: 'tb-tag tb-tag-blue', optional: 'tb-tag', deferrable: 'tb-tag tb-tag-orange' };

/** Whether the applicant provides a material here (the application form and shared documents are not asked for). */
export const isAskedFor = (m: Material) => m.source === 'applicant' || m.source === 'licence_library';

/** What a material starts as: from the licence library it is fetched, otherwise not provided yet. */
export const initialEntry = (m: Material): MaterialEntry => ({ provided: m.source === 'licence_library' ? 'licence' : 'missing', files: [] });

/** Required materials the applicant has not provided (neither uploaded nor replaced by a commitment). */
export function missingRequired(materials: readonly Material[], entries: Record<string, MaterialEntry>): string[] {
  return materials
    .filter((m) => m.source === 'applicant' && m.necessity === 'required' && (entries[m.key]?.provided ?? 'missing') === 'missing')
    .map((m) => m.key);
}

function useCopiesText() {
  const { t } = useTranslation();
  return (m: Material): string => {
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

interface Props {
  materials: readonly Material[];
  entries: Record<string, MaterialEntry>;
  onEntry: (key: string, update: (entry: MaterialEntry) => MaterialEntry) => void;
  limits: UploadLimits | undefined;
  /** Problems by material key (from the server, or a required material left out). */
  errors: Record<string, string>;
  /** 授权调取电子证照: whether the applicant agrees that licence-library materials are taken from it. */
  licenceConsent: boolean;
  onLicenceConsent: (consent: boolean) => void;
}

/** ② 上传材料: every material of the guide with its necessity, count and notes, and how it is provided. */
export function MaterialsStep({ materials, entries, onEntry, limits, errors, licenceConsent, onLicenceConsent }: Props) {
  const { t } = useTranslation();
  const copiesText = useCopiesText();
  if (materials.length === 0) return <p>{t('guide.materials.none')}</p>;
  return (
    <>
      {materials.some((m) => m.source === 'licence_library') && (
        <div className="tb-apply-consent">
          <Checkbox checked={licenceConsent} onChange={(e) => onLicenceConsent(e.target.checked)} data-testid="licence-consent">
            {t('apply.materials.licenceConsent')}
          </Checkbox>
          <p className="tb-muted tb-apply-note">{t('apply.materials.licenceConsentNote')}</p>
        </div>
      )}
      <ol className="tb-apply-materials">
        {materials.map((m) => {
          const entry = entries[m.key] ?? initialEntry(m);
          const headingId = `material-${m.key}`;
          const setFiles = (update: (files: FileMeta[]) => FileMeta[]) =>
            onEntry(m.key, (e) => {
              const files = update(e.files);
              return { files, provided: e.provided === 'commitment' || e.provided === 'deferred' ? e.provided : files.length > 0 ? 'upload' : 'missing' };
            });
          const setInstead = (how: 'commitment' | 'deferred', on: boolean) =>
            onEntry(m.key, (e) => ({ ...e, provided: on ? how : e.files.length > 0 ? 'upload' : 'missing' }));
          return (
            <li
              key={m.key}
              className={`tb-apply-material${errors[m.key] ? ' tb-apply-material-error' : ''}`}
              aria-labelledby={headingId}
              data-testid={`apply-material-${m.key}`}
            >
              <h3 id={headingId}>{m.name}</h3>
              <div className="tb-material-tags">
                <Tag className={necessityClass[m.necessity]}>{t(`guide.materials.necessity.${m.necessity}`)}</Tag>
                <span className="tb-muted">{t('guide.materials.copiesAndForm', { copies: copiesText(m), form: t(`guide.materials.forms.${m.form}`) })}</span>
              </div>
              {m.fillingNotes && <p className="tb-apply-note">{t('apply.materials.notes', { notes: m.fillingNotes })}</p>}
              {m.sourceNote && <p className="tb-muted tb-apply-note">{m.sourceNote}</p>}
              {m.source === 'licence_library' && (
                <p className="tb-apply-fetched" data-testid="material-from-library">
                  <CloudDownloadOutlined aria-hidden /> {t('apply.materials.fromLibrary')}
                </p>
              )}
              {m.source === 'online_form' && (
                <p className="tb-apply-fetched">
                  <FormOutlined aria-hidden /> {t('apply.materials.onlineForm')}
                </p>
              )}
              {m.source === 'government' && (
                <p className="tb-apply-fetched">
                  <TeamOutlined aria-hidden /> {t('apply.materials.shared')}
                </p>
              )}
              {m.source === 'applicant' && (
                <>
                  {m.commitmentAllowed && (
                    <Checkbox
                      className="tb-apply-instead"
                      checked={entry.provided === 'commitment'}
                      onChange={(e) => setInstead('commitment', e.target.checked)}
                      data-testid={`material-commitment-${m.key}`}
                    >
                      <FileProtectOutlined aria-hidden /> {t('apply.materials.commitment')}
                    </Checkbox>
                  )}
                  {m.necessity === 'deferrable' && entry.provided !== 'commitment' && (
                    <Checkbox
                      className="tb-apply-instead"
                      checked={entry.provided === 'deferred'}
                      onChange={(e) => setInstead('deferred', e.target.checked)}
                      data-testid={`material-deferred-${m.key}`}
                    >
                      {t('apply.materials.deferred')}
                    </Checkbox>
                  )}
                  {entry.provided === 'commitment' && <p className="tb-apply-note">{t('apply.materials.commitmentText')}</p>}
                  {entry.provided === 'deferred' && <p className="tb-apply-note">{t('apply.materials.deferredText')}</p>}
                  {entry.provided !== 'commitment' && entry.provided !== 'deferred' && (
                    <MaterialFiles materialKey={m.key} name={m.name} files={entry.files} onChange={setFiles} limits={limits} error={errors[m.key]} />
                  )}
                  {(entry.provided === 'commitment' || entry.provided === 'deferred') && errors[m.key] && (
                    <p className="tb-file-problems" role="alert">
                      {errors[m.key]}
                    </p>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
