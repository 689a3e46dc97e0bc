export { normaliseIdentifier, residentIdCheckChar, parseResidentId, isValidResidentId } from './identity/resident-id.ts';
export type { ResidentIdResult, ResidentIdInfo, ResidentIdFailure } from './identity/resident-id.ts';
export { CREDIT_CODE_ALPHABET, creditCodeCheckChar, orgCodeCheckChar, parseCreditCode, isValidCreditCode, makeCreditCode } from './identity/credit-code.ts';
export type { CreditCodeResult, CreditCodeInfo, CreditCodeFailure } from './identity/credit-code.ts';
export { maskResidentId, maskCreditCode, maskPhone, maskName, maskEmail } from './identity/masking.ts';
export { PROVINCE_CODES, isProvinceCode, regionLevel, parentRegionCode, isRegionWithin, isValidRegionCode, regionPrefix } from './region/region-code.ts';
export type { RegionLevel } from './region/region-code.ts';
export * from './catalog/index.ts';
export * from './case/index.ts';
