// 事项目录 (service catalog) domain rules.
export { IMPL_CODE_LENGTH, buildImplCode, parseImplCode } from './impl-code.ts';
export type { ImplCodeFailure, ImplCodeInfo, ImplCodeResult } from './impl-code.ts';
export { DEFAULT_WORKING_DAY_ASSUMPTIONS, toWorkingDays, compareLimits } from './time-limit.ts';
export type { TimeUnit, TimeLimitInput, WorkingDayAssumptions } from './time-limit.ts';
export { PUBLISH_RULE_IDS, checkPublishRules } from './publish-rules.ts';
export type { PublishRuleId, PublishRuleInput, RuleViolation } from './publish-rules.ts';
export { serviceFlags, catalogStats } from './service-flags.ts';
export type { ServiceFlagsInput, ServiceFlags, CatalogStatsInput, CatalogStats, FlagStat } from './service-flags.ts';
export { ORDER_SEGMENT, comparePaths, diffContent } from './version-diff.ts';
export type { ContentChange } from './version-diff.ts';
export { materialIdentity, mergeBundleMaterials } from './bundle-materials.ts';
export type { BundleMaterialInput, MergedMaterial } from './bundle-materials.ts';
