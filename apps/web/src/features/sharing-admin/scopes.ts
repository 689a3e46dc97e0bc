import { useQuery } from '@tanstack/react-query';
import { LICENCE_READ_SCOPE_PREFIX, LICENCE_VERIFY_SCOPE, SHARING_DATASET_SCOPES, type SharingDatasetScope } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { listLicenceTypes, sharingKeys } from './api.ts';

export type ScopeGroupKey = 'verify' | 'read' | 'dataset';

export interface ScopeOption {
  value: string;
  label: string;
  help: string;
}

export interface ScopeGroup {
  key: ScopeGroupKey;
  title: string;
  help: string;
  options: ScopeOption[];
}

const datasetKey: Record<SharingDatasetScope, 'orgRead' | 'personVerify'> = {
  'subject.org.read': 'orgRead',
  'subject.person.verify': 'personVerify',
};

/**
 * The scopes a system can be granted, grouped 证照核验 / 证照调取 (one per licence type) / 数据集,
 * and a readable name for any scope (licence type names come from the licence library).
 */
export function useScopes() {
  const { t } = useTranslation();
  const types = useQuery({ queryKey: sharingKeys.licenceTypes, queryFn: ({ signal }) => listLicenceTypes(signal), staleTime: 10 * 60_000 });
  const typeName = new Map((types.data ?? []).map((ty) => [ty.key, ty.name]));

  const label = (scope: string): string => {
    if (scope === LICENCE_VERIFY_SCOPE) return t('sharingAdmin.scopes.verify');
    if (scope.startsWith(LICENCE_READ_SCOPE_PREFIX)) {
      const key = scope.slice(LICENCE_READ_SCOPE_PREFIX.length);
      return t('sharingAdmin.scopes.read', { type: typeName.get(key) ?? key });
    }
    if (scope in datasetKey) return t(`sharingAdmin.scopes.${datasetKey[scope as SharingDatasetScope]}`);
    return scope;
  };

  const groups: ScopeGroup[] = [
    {
      key: 'verify',
      title: t('sharingAdmin.scopes.verifyGroup'),
      help: t('sharingAdmin.scopes.verifyGroupHelp'),
      options: [{ value: LICENCE_VERIFY_SCOPE, label: label(LICENCE_VERIFY_SCOPE), help: t('sharingAdmin.scopes.verifyHelp') }],
    },
    {
      key: 'read',
      title: t('sharingAdmin.scopes.readGroup'),
      help: t('sharingAdmin.scopes.readGroupHelp'),
      options: (types.data ?? []).map((ty) => ({
        value: `${LICENCE_READ_SCOPE_PREFIX}${ty.key}`,
        label: ty.name,
        help: ty.definingAuthority,
      })),
    },
    {
      key: 'dataset',
      title: t('sharingAdmin.scopes.datasetGroup'),
      help: t('sharingAdmin.scopes.datasetGroupHelp'),
      options: SHARING_DATASET_SCOPES.map((s) => ({ value: s, label: label(s), help: t(`sharingAdmin.scopes.${datasetKey[s]}Help`) })),
    },
  ];

  /** The group a scope belongs to (tags are coloured by it). */
  const groupOf = (scope: string): ScopeGroupKey =>
    scope === LICENCE_VERIFY_SCOPE ? 'verify' : scope.startsWith(LICENCE_READ_SCOPE_PREFIX) ? 'read' : 'dataset';

  return { label, groups, groupOf, types };
}
