import type { FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import { useValidators } from '../../identity/validators.ts';
import { checkFormSchemaText } from '../form-schema/parseSchema.ts';

/** 咨询/监督电话: a fixed line (0827-5261315), a short number (12345) or a mobile; at most 18 characters. */
const PHONE_RE = /^(?:\+?\d{2,4}[- ]?)?\d{3,12}(?:[- ]\d{1,8}){0,3}$/;
const BASE_CODE_RE = /^[0-9A-Z]{1,12}$/;
const IMPL_CODE_RE = /^[0-9A-Z-]{10,50}$/;
const MATERIAL_KEY_RE = /^[a-z0-9_-]{1,40}$/;

/**
 * The contract's checks (packages/contracts/src/catalog.ts) as antd rules, worded for the person
 * filling in the form. The server checks again and has the last word.
 */
export function useRules() {
  const { t } = useTranslation();
  const v = useValidators();
  const pattern = (re: RegExp, message: string): FormRule => ({
    validator: async (_r, value: unknown) => {
      if (typeof value !== 'string' || value.trim() === '') return;
      if (!re.test(value.trim())) throw new Error(message);
    },
  });
  const max = (n: number): FormRule => ({ max: n, message: t('validation.maxLength', { max: n }) });
  return {
    required: v.required,
    choose: (): FormRule => ({ required: true, message: t('catalogAdmin.validation.choose') }),
    chooseSome: (): FormRule => ({ required: true, type: 'array', min: 1, message: t('catalogAdmin.validation.chooseSome') }),
    length: v.length,
    max,
    /** Each tag at most n characters. */
    tags: (n: number): FormRule => ({
      validator: async (_r, value: unknown) => {
        if (!Array.isArray(value)) return;
        const long = (value as unknown[]).find((s): s is string => typeof s === 'string' && Array.from(s).length > n);
        if (typeof long === 'string') throw new Error(t('catalogAdmin.validation.tagTooLong', { tag: long, max: n }));
      },
    }),
    phone: (): FormRule[] => [max(18), pattern(PHONE_RE, t('catalogAdmin.validation.phone'))],
    baseCode: (): FormRule => pattern(BASE_CODE_RE, t('catalogAdmin.validation.baseCode')),
    implCode: (): FormRule => pattern(IMPL_CODE_RE, t('catalogAdmin.validation.implCode')),
    materialKey: (): FormRule => pattern(MATERIAL_KEY_RE, t('catalogAdmin.validation.materialKey')),
    /** Whole number within [min, max]. */
    integer: (min: number, maxValue: number): FormRule => ({
      validator: async (_r, value: unknown) => {
        if (value === null || value === undefined || value === '') throw new Error(t('common.required'));
        if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > maxValue)
          throw new Error(t('catalogAdmin.validation.integer', { min, max: maxValue }));
      },
    }),
    formSchema: (): FormRule => ({
      validator: async (_r, value: unknown) => {
        const problem = checkFormSchemaText(typeof value === 'string' ? value : '');
        if (problem) throw new Error(t(problem.key, problem.params));
      },
    }),
  };
}
