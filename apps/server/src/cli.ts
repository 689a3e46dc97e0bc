/** The `tongban` command: start, migrate, seed --demo, create-admin. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { Command, Option } from 'commander';
import { passwordSchema, usernameSchema } from '@tongban/contracts';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { openMigratedDatabase, services } from './platform/runtime.ts';
import { startServer } from './server.ts';
import { seedDemo } from '../db/seed/demo.ts';
import { verifyAuditChain } from './platform/audit/audit.ts';
import { version } from './platform/version.ts';

function config(): Config {
  // A local .env file (see .env.example) is read when present; real environment variables win.
  if (fs.existsSync('.env')) process.loadEnvFile('.env');
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

const program = new Command()
  .name('tongban')
  .description('Tongban (通办): integrated government service platform. Configuration comes from the environment (see .env.example).')
  .version(version);

program
  .command('start')
  .description('migrate the database and serve the API and the web app')
  .addOption(new Option('--demo', 'seed the demo data (also into a PostgreSQL server)'))
  .addOption(new Option('--no-demo', 'never seed the demo data, even into an empty embedded database'))
  .action(async (opts: { demo?: boolean }) => {
    await startServer(config(), { demo: opts.demo === true ? 'always' : opts.demo === false ? 'never' : 'auto' });
  });

program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .action(async () => {
    const c = config();
    const db = await openMigratedDatabase(c);
    await db.close();
    process.stdout.write(`Migrations applied (${db.engine}).\n`);
  });

program
  .command('seed')
  .description('seed data into the database')
  .requiredOption('--demo', 'the Bazhong demo region, departments, halls and one account per role')
  .action(async () => {
    const c = config();
    const db = await openMigratedDatabase(c);
    try {
      const seeded = await seedDemo(db.db, services(c, db));
      process.stdout.write(seeded ? 'Demo data seeded.\n' : 'Demo data was already there: nothing changed.\n');
    } finally {
      await db.close();
    }
  });

program
  .command('audit-verify')
  .description('recompute the hash chain of the audit log; exits 1 when an entry was changed')
  .action(async () => {
    const c = config();
    const db = await openMigratedDatabase(c);
    try {
      const broken = await verifyAuditChain(db.db);
      if (broken === null) process.stdout.write('Audit log intact.\n');
      else {
        process.stderr.write(`Audit log broken at entry ${broken}: it or an entry before it was changed.\n`);
        process.exitCode = 1;
      }
    } finally {
      await db.close();
    }
  });

program
  .command('create-admin')
  .description('create a service-centre administrator for a region (prints the password when generated)')
  .requiredOption('--username <username>', '4-32 letters, digits, _ or .')
  .requiredOption('--region <code>', 'region code the admin manages, e.g. 511900 (must exist)')
  .option('--name <name>', 'display name', '系统管理员')
  .option('--password <password>', 'at least 8 characters with letters and digits (default: generated)')
  .action(async (opts: { username: string; region: string; name: string; password?: string }) => {
    const username = usernameSchema.safeParse(opts.username);
    const password = opts.password ?? `Tb-${randomBytes(9).toString('base64url')}1a`;
    const checked = passwordSchema.safeParse(password);
    if (!username.success || !checked.success) {
      process.stderr.write('Invalid --username (4-32 letters, digits, _ or .) or --password (8+ characters with letters and digits).\n');
      process.exit(2);
    }
    const c = config();
    const db = await openMigratedDatabase(c);
    try {
      const { identity, org } = services(c, db);
      if (!(await org.directory.regionExists(opts.region))) {
        process.stderr.write(`Region ${opts.region} does not exist. Seed the demo (tongban seed --demo) or add the region first.\n`);
        process.exitCode = 2;
        return;
      }
      await identity.createAccountDirect({
        kind: 'staff',
        username: username.data,
        displayName: opts.name,
        password,
        roles: ['centre_admin'],
        regionCode: opts.region,
        includeSubRegions: true,
      });
      process.stdout.write(`Created centre admin "${username.data}" for region ${opts.region}.${opts.password ? '' : `\nPassword: ${password}`}\n`);
    } catch (err) {
      if ((err as { code?: string }).code === '23505' || String((err as { cause?: { code?: string } }).cause?.code) === '23505') {
        process.stderr.write(`An account named "${username.data}" already exists.\n`);
        process.exitCode = 2;
        return;
      }
      throw err;
    } finally {
      await db.close();
    }
  });

await program.parseAsync(process.argv);
