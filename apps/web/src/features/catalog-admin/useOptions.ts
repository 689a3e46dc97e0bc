import { useTranslation } from 'react-i18next';
import {
  bodyNatures,
  caseTypes,
  crossRegions,
  exerciseLevels,
  itemStatuses,
  itemTypes,
  materialForms,
  materialKinds,
  materialSources,
  necessities,
  onlineDepths,
  powerSources,
  serviceObjects,
  timeUnits,
} from './vocab.ts';

/** Select/checkbox options of every enumeration of an item, labelled in the user's language. */
export function useOptions() {
  const { t } = useTranslation();
  return {
    itemTypes: itemTypes.map((v) => ({ value: v, label: t('common.nameWithCode', { name: t(`catalogAdmin.vocab.itemTypes.${v}`), code: v }) })),
    exerciseLevels: exerciseLevels.map((v) => ({ value: v, label: t(`catalogAdmin.vocab.exerciseLevels.${v}`) })),
    bodyNatures: bodyNatures.map((v) => ({ value: v, label: t(`catalogAdmin.vocab.bodyNatures.${v}`) })),
    powerSources: powerSources.map((v) => ({ value: v, label: t(`catalogAdmin.vocab.powerSources.${v}`) })),
    caseTypes: caseTypes.map((v) => ({ value: v, label: t(`guide.caseTypes.${v}`) })),
    timeUnits: timeUnits.map((v) => ({ value: v, label: t(`catalogAdmin.vocab.timeUnits.${v}`) })),
    onlineDepths: onlineDepths.map((v) => ({ value: v, label: t(`catalogAdmin.vocab.onlineDepths.${v}`) })),
    crossRegions: crossRegions.map((v) => ({ value: v, label: t(`catalogAdmin.vocab.crossRegions.${v}`) })),
    serviceObjects: serviceObjects.map((v) => ({ value: v, label: t(`catalog.serviceObjects.${v}`) })),
    materialKinds: materialKinds.map((v) => ({ value: v, label: t(`catalogAdmin.vocab.materialKinds.${v}`) })),
    materialForms: materialForms.map((v) => ({ value: v, label: t(`guide.materials.forms.${v}`) })),
    necessities: necessities.map((v) => ({ value: v, label: t(`catalogAdmin.vocab.necessities.${v}`) })),
    materialSources: materialSources.map((v) => ({ value: v, label: t(`catalogAdmin.vocab.materialSources.${v}`) })),
    statuses: itemStatuses.map((v) => ({ value: v, label: t(`catalogAdmin.status.${v}`) })),
  };
}
