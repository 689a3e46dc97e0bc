/** Every table of the platform, for Drizzle's typed queries and for drizzle-kit. */
export * from '../../modules/org/org.schema.ts';
export * from '../../modules/identity/identity.schema.ts';
export * from './audit.schema.ts';
export * from '../../modules/catalog/catalog.schema.ts';
export * from '../../modules/calendar/calendar.schema.ts';
export * from '../../modules/cases/cases.schema.ts';
export * from '../../modules/files/files.schema.ts';
export * from '../../modules/cases/case-draft.schema.ts';
export * from '../jobs/jobs.schema.ts';
export * from '../../modules/notifications/notifications.schema.ts';
export * from '../../modules/licences/licences.schema.ts';
export * from '../../modules/sharing/sharing.schema.ts';
export * from '../../modules/subjects/subjects.schema.ts';
