// 电子证照库 (electronic licence library) domain rules: identifiers, canonical signing payload, signatures, status.
export {
  LICENCE_ID_PREFIX,
  LICENCE_CHECK_ALPHABET,
  LICENCE_NUMBER_MAX_LENGTH,
  LicenceIdentifierError,
  licenceCheckChar,
  formatLicenceIdentifier,
  parseLicenceIdentifier,
  isValidLicenceIdentifier,
} from './identifier.ts';
export type { LicenceIdentifierParts, LicenceIdentifierFailure, LicenceIdentifierResult } from './identifier.ts';
export { CanonicalJsonError, canonicalJson, canonicalBytes } from './canonical.ts';
export type { JsonValue } from './canonical.ts';
export { HOLDER_ID_TYPES, LICENCE_PAYLOAD_FORMAT, licenceContentProblems, licenceSigningPayload } from './licence-content.ts';
export type { KnownHolderIdType, LicenceContent, LicenceContentProblem } from './licence-content.ts';
export {
  LICENCE_SIGNATURE_ALGORITHMS,
  LicenceSigningError,
  activeLicenceKey,
  rotateLicenceKey,
  generateLicenceKey,
  generateLicenceKeyPair,
  signLicence,
  verifyLicenceSignature,
} from './signature.ts';
export type {
  LicenceSignatureAlgorithm,
  LicenceKeyStatus,
  LicenceKey,
  LicenceKeyRing,
  LicenceSignature,
  LicenceSignatureProvider,
  LicenceSignatureProviders,
  LicenceSigningFailure,
  LicenceVerification,
  LicenceVerificationFailure,
} from './signature.ts';
export {
  LICENCE_STATUSES,
  LICENCE_STATUS_CODES,
  LICENCE_ACTIONS,
  LicenceTransitionError,
  licenceStatusFromCode,
  canApplyLicenceAction,
  applyLicenceAction,
  nextLicenceVersion,
  effectiveStatus,
  isLicenceInForce,
} from './status.ts';
export type { LicenceStatus, LicenceStatusCode, LicenceAction } from './status.ts';
