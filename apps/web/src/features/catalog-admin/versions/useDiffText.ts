import type { ItemContent } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { useLimitText } from '../../portal/guide/useLimitText.ts';
import { isItemStatus } from '../vocab.ts';

type ContentKey = keyof ItemContent;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Labels of the elements and of their parts, and values in words, for the version diff. */
export function useDiffText() {
  const { t } = useTranslation();
  const limitText = useLimitText();

  const code = (field: string, value: string): string => {
    switch (field) {
      case 'itemType':
        return t(`catalogAdmin.vocab.itemTypes.${value as ItemContent['itemType']}`, { defaultValue: value });
      case 'exerciseLevels':
        return t(`catalogAdmin.vocab.exerciseLevels.${value as ItemContent['exerciseLevels'][number]}`, { defaultValue: value });
      case 'bodyNature':
        return t(`catalogAdmin.vocab.bodyNatures.${value as ItemContent['bodyNature']}`, { defaultValue: value });
      case 'powerSource':
        return t(`catalogAdmin.vocab.powerSources.${value as ItemContent['powerSource']}`, { defaultValue: value });
      case 'caseType':
        return t(`guide.caseTypes.${value as ItemContent['caseType']}`, { defaultValue: value });
      case 'onlineDepth':
        return t(`catalogAdmin.vocab.onlineDepths.${value as ItemContent['onlineDepth'][number]}`, { defaultValue: value });
      case 'crossRegion':
        return t(`catalogAdmin.vocab.crossRegions.${value as ItemContent['crossRegion']}`, { defaultValue: value });
      case 'serviceObjects':
        return t(`catalog.serviceObjects.${value as ItemContent['serviceObjects'][number]}`, { defaultValue: value });
      case 'unit':
        return t(`catalogAdmin.vocab.timeUnits.${value as ItemContent['legalLimit']['unit']}`, { defaultValue: value });
      case 'kind':
        return t(`catalogAdmin.vocab.materialKinds.${value as ItemContent['materials'][number]['kind']}`, { defaultValue: value });
      case 'form':
        return t(`guide.materials.forms.${value as ItemContent['materials'][number]['form']}`, { defaultValue: value });
      case 'necessity':
        return t(`catalogAdmin.vocab.necessities.${value as ItemContent['materials'][number]['necessity']}`, { defaultValue: value });
      case 'source':
        return t(`catalogAdmin.vocab.materialSources.${value as ItemContent['materials'][number]['source']}`, { defaultValue: value });
      case 'status':
        return isItemStatus(value) ? t(`catalogAdmin.status.${value}`) : value;
      default:
        return value;
    }
  };

  /** A value in words; `field` is the last named segment of its path (for codes). */
  const value = (field: string, v: unknown): string => {
    if (v === undefined || v === null || v === '') return t('catalogAdmin.diff.empty');
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (typeof v === 'number') return String(v);
    if (typeof v === 'string') return code(field, v);
    if (Array.isArray(v)) return v.length === 0 ? t('catalogAdmin.diff.empty') : v.map((x) => value(field, x)).join(t('common.listSeparator'));
    if (isRecord(v)) {
      if (typeof v.unit === 'string' && typeof v.value === 'number')
        return limitText({ value: v.value, unit: v.unit as ItemContent['legalLimit']['unit'], note: '' });
      for (const k of ['name', 'question', 'step', 'title']) if (typeof v[k] === 'string') return v[k];
      return JSON.stringify(v);
    }
    return JSON.stringify(v) ?? '';
  };

  const fieldLabel = (key: string): string =>
    t(`catalogAdmin.fields.${key === 'formSchema' ? 'formSchemaText' : (key as Exclude<ContentKey, 'formSchema'>)}`, { defaultValue: key });

  /** Label of a part inside an element ('value' of a time limit, 'standard' of a fee, a material's 'licenceType'). */
  const partLabel = (field: string, part: string): string => {
    switch (field) {
      case 'legalLimit':
      case 'promisedLimit':
        return t(`catalogAdmin.limit.${part === 'unit' ? 'unit' : part === 'note' ? 'note' : 'value'}`);
      case 'channels':
        return t(`guide.channels.${part as keyof ItemContent['channels']}`, { defaultValue: part });
      case 'materials':
        return t(`catalogAdmin.material.${part as 'name'}`, { defaultValue: part });
      case 'fees':
        return t(`catalogAdmin.fee.${part as 'name'}`, { defaultValue: part });
      case 'faq':
        return t(`catalogAdmin.faq.${part as 'question'}`, { defaultValue: part });
      case 'procedure':
        return part === 'description' ? t('catalogAdmin.procedure.descriptionPart') : t('catalogAdmin.procedure.stepPart');
      default:
        return part;
    }
  };

  return { value, fieldLabel, partLabel };
}
