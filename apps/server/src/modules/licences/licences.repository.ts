/** The only file of the licences module that touches the database (and reads a case's and a department's facts). */
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import type { WriteStep } from '../../platform/db/combined-write.ts';
import { accounts } from '../identity/identity.schema.ts';
import { departments } from '../org/org.schema.ts';
import { cases } from '../cases/cases.schema.ts';
import { catalogItemVersions } from '../catalog/catalog.schema.ts';
import { licenceEvents, licenceKeys, licenceNumberSequences, licences, licenceTypes, licenceUses } from './licences.schema.ts';

export type LicenceTypeRow = typeof licenceTypes.$inferSelect;
export type LicenceRow = typeof licences.$inferSelect;
export type LicenceKeyRow = typeof licenceKeys.$inferSelect;
export type LicenceEventRow = typeof licenceEvents.$inferSelect;

export const licencesRepository = {
  async upsertType(tx: Executor, row: typeof licenceTypes.$inferInsert): Promise<void> {
    const { key: _key, ...rest } = row;
    await tx.insert(licenceTypes).values(row).onConflictDoUpdate({ target: licenceTypes.key, set: rest });
  },
  async types(tx: Executor): Promise<LicenceTypeRow[]> {
    return tx.select().from(licenceTypes).orderBy(asc(licenceTypes.code));
  },
  async typeByKey(tx: Executor, key: string): Promise<LicenceTypeRow | undefined> {
    return (await tx.select().from(licenceTypes).where(eq(licenceTypes.key, key)))[0];
  },

  async keys(tx: Executor): Promise<LicenceKeyRow[]> {
    return tx.select().from(licenceKeys).orderBy(asc(licenceKeys.createdAt));
  },
  /** Adds a key as the active one and retires the others, in the caller's transaction. */
  async activateKey(tx: Executor, row: typeof licenceKeys.$inferInsert, at: Date): Promise<void> {
    await tx.update(licenceKeys).set({ status: 'retired', retiredAt: at }).where(eq(licenceKeys.status, 'active'));
    await tx.insert(licenceKeys).values({ ...row, status: 'active', createdAt: at });
  },
  /** Serialises key creation and rotation across instances. */
  async lockKeys(tx: Executor): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(7242031)`);
  },

  async nextNumber(tx: Executor, typeCode: string, issuerCode: string, year: number): Promise<number> {
    const rows = await tx
      .insert(licenceNumberSequences)
      .values({ typeCode, issuerCode, year, last: 1 })
      .onConflictDoUpdate({
        target: [licenceNumberSequences.typeCode, licenceNumberSequences.issuerCode, licenceNumberSequences.year],
        set: { last: sql`${licenceNumberSequences.last} + 1` },
      })
      .returning({ last: licenceNumberSequences.last });
    return rows[0]!.last;
  },
  async insertLicence(tx: Executor, row: typeof licences.$inferInsert): Promise<LicenceRow> {
    return (await tx.insert(licences).values(row).returning())[0]!;
  },
  async insertEvent(tx: Executor, row: typeof licenceEvents.$inferInsert): Promise<void> {
    await tx.insert(licenceEvents).values(row);
  },
  async setStatus(tx: Executor, id: string, status: LicenceRow['status'], at: Date): Promise<void> {
    await tx.update(licences).set({ status, updatedAt: at }).where(eq(licences.id, id));
  },
  async byIdentifier(tx: Executor, identifier: string): Promise<{ licence: LicenceRow; type: LicenceTypeRow } | undefined> {
    const rows = await tx
      .select({ licence: licences, type: licenceTypes })
      .from(licences)
      .innerJoin(licenceTypes, eq(licenceTypes.id, licences.typeId))
      .where(eq(licences.identifier, identifier));
    return rows[0];
  },
  /** The licences of a type a case took from the library (with consent), locked for a renewal. */
  async takenByCase(tx: Executor, caseNo: string, typeId: string): Promise<LicenceRow[]> {
    const taken = tx.select({ id: licenceUses.licenceId }).from(licenceUses).where(eq(licenceUses.caseNo, caseNo));
    return tx
      .select()
      .from(licences)
      .where(and(eq(licences.typeId, typeId), inArray(licences.id, taken)))
      .for('update');
  },
  /** One licence locked for a change of status (concurrent changes queue, and the second sees the first's result). */
  async lockedByIdentifier(tx: Executor, identifier: string): Promise<{ licence: LicenceRow; type: LicenceTypeRow } | undefined> {
    const rows = await tx
      .select({ licence: licences, type: licenceTypes })
      .from(licences)
      .innerJoin(licenceTypes, eq(licenceTypes.id, licences.typeId))
      .where(eq(licences.identifier, identifier))
      .for('update', { of: licences });
    return rows[0];
  },
  async ofCase(tx: Executor, caseNo: string): Promise<LicenceRow[]> {
    return tx.select().from(licences).where(eq(licences.caseNo, caseNo));
  },
  async ofHolder(tx: Executor, idNumbers: string[]): Promise<{ licence: LicenceRow; type: LicenceTypeRow }[]> {
    if (idNumbers.length === 0) return [];
    return tx
      .select({ licence: licences, type: licenceTypes })
      .from(licences)
      .innerJoin(licenceTypes, eq(licenceTypes.id, licences.typeId))
      .where(inArray(licences.holderIdNumber, idNumbers))
      .orderBy(desc(licences.issueDate), desc(licences.createdAt));
  },
  async events(tx: Executor, licenceId: string): Promise<LicenceEventRow[]> {
    return tx.select().from(licenceEvents).where(eq(licenceEvents.licenceId, licenceId)).orderBy(asc(licenceEvents.seq));
  },

  /** The newest licence of each type (by key) of a holder whose stored status is 有效; the caller checks dates. */
  async validOfHolder(tx: Executor, holderIdNumber: string, typeKeys: readonly string[]) {
    if (typeKeys.length === 0) return [];
    return tx
      .select({
        key: licenceTypes.key,
        identifier: licences.identifier,
        status: licences.status,
        validFrom: licences.validFrom,
        validUntil: licences.validUntil,
      })
      .from(licences)
      .innerJoin(licenceTypes, eq(licenceTypes.id, licences.typeId))
      .where(and(eq(licences.holderIdNumber, holderIdNumber), eq(licences.status, 'valid'), inArray(licenceTypes.key, [...typeKeys])))
      .orderBy(desc(licences.issueDate), desc(licences.createdAt), desc(licences.number));
  },
  async manyByIdentifier(tx: Executor, identifiers: readonly string[]) {
    if (identifiers.length === 0) return [];
    return tx
      .select({ licence: licences, type: licenceTypes })
      .from(licences)
      .innerJoin(licenceTypes, eq(licenceTypes.id, licences.typeId))
      .where(inArray(licences.identifier, [...identifiers]));
  },
  async insertUses(tx: Executor, rows: (typeof licenceUses.$inferInsert)[]): Promise<void> {
    if (rows.length) await tx.insert(licenceUses).values(rows);
  },
  /** A step of a combined write: logs one use of the licence with `identifier` (nothing when there is none). */
  useStep(name: string, use: { identifier: string } & Omit<typeof licenceUses.$inferInsert, 'id' | 'licenceId'>): WriteStep {
    return {
      name,
      sql: sql`insert into licence_uses (licence_id, case_no, impl_code, item_name, material_key, used_by, used_by_name, purpose, at)
        select ${licences.id}, ${use.caseNo ?? null}::text, ${use.implCode ?? null}::text, ${use.itemName ?? null}::text, ${use.materialKey ?? null}::text,
               ${use.usedBy ?? null}::uuid, ${use.usedByName}::text, ${use.purpose}::text, ${use.at.toISOString()}::timestamptz
        from ${licences} where ${licences.identifier} = ${use.identifier}`,
    };
  },
  async uses(tx: Executor, licenceId: string) {
    return tx.select().from(licenceUses).where(eq(licenceUses.licenceId, licenceId)).orderBy(desc(licenceUses.at));
  },
  /** 免提交: how many materials were taken from the library instead of submitted, per item. */
  async sparedByItem(tx: Executor) {
    return tx
      .select({ implCode: licenceUses.implCode, itemName: licenceUses.itemName, count: count() })
      .from(licenceUses)
      .where(sql`${licenceUses.implCode} is not null`)
      .groupBy(licenceUses.implCode, licenceUses.itemName)
      .orderBy(desc(count()));
  },

  // ---- Read-only facts from other modules' tables

  /** The facts of a case a licence is made from, with the licence type its item's result is (in the pinned version). */
  async caseFacts(tx: Executor, caseNo: string) {
    const rows = await tx
      .select({
        caseNo: cases.caseNo,
        resultLicenceType: sql<string | null>`${catalogItemVersions.content}->>'resultLicenceType'`,
        applicant: cases.applicant,
        formData: cases.formData,
        departmentId: cases.departmentId,
        regionCode: cases.regionCode,
      })
      .from(cases)
      .innerJoin(catalogItemVersions, and(eq(catalogItemVersions.itemId, cases.itemId), eq(catalogItemVersions.version, cases.itemVersion)))
      .where(eq(cases.caseNo, caseNo));
    return rows[0];
  },
  /** The licences a case took from the library (its materials' `licenceIdentifier`). */
  async caseLicences(tx: Executor, caseNo: string): Promise<string[]> {
    const rows = await tx.select({ materials: cases.materials }).from(cases).where(eq(cases.caseNo, caseNo));
    return (rows[0]?.materials ?? []).flatMap((m) => (m.licenceIdentifier ? [m.licenceIdentifier] : []));
  },
  async department(tx: Executor, id: string) {
    return (await tx.select({ name: departments.name, creditCode: departments.creditCode }).from(departments).where(eq(departments.id, id)))[0];
  },
  /** The ID number or credit code of an account (its licences are those it holds). */
  async holderIds(tx: Executor, accountId: string): Promise<string[]> {
    const rows = await tx
      .select({ residentId: accounts.residentId, creditCode: accounts.creditCode })
      .from(accounts)
      .where(and(eq(accounts.id, accountId)));
    return rows.flatMap((r) => [r.residentId, r.creditCode]).filter((v): v is string => v !== null);
  },
};
