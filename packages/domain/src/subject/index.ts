export { SUBJECT_KINDS, organisationKindOfCreditCode, parseSubjectIdentifier } from './subject.ts';
export type { SubjectKind, OrganisationKind, SubjectIdentifierFailure, SubjectIdentifierResult } from './subject.ts';
