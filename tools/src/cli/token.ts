import { ensureLocalSecrets, signSystemToken } from '@shareforyou/kit';
import { isValidNhsNumber, normaliseNhsNumber } from '@shareforyou/kit';
import { patientToken, userToken } from '../demo/tokens';
import { findDemoUser } from '../demo/users';
import { commandLine } from './commandLine';

const USAGE = `Usage: npm run -s token -- --user <key> | --role <R-code> --org <ODS> | --system <ODS> | --patient <NHS number> [--expires <seconds>]
  --user <key>                 a demo user (npm run demo lists them), e.g. gp
  --role <R-code> --org <ODS>  any job role at any organisation
  --system <ODS>               a feed system token for that organisation's source system
  --patient <NHS number>       a patient's own token (sees only who has looked at their record)
  Prints only the token, so it can be captured: TOKEN=$(npm run -s token -- --user gp)`;

/**
 * Prints only a token on stdout, so it can be captured: TOKEN=$(npm run -s token -- --user gp)
 *   --user <key>              a demo user (npm run demo lists them)
 *   --role <R-code> --org <ODS>  any job role at any organisation
 *   --system <ODS>            a feed system token for that organisation's source system
 *   --patient <nhsNumber>     a patient's own token (sees only who has looked at their record)
 *   --expires <seconds>
 */
const { values } = commandLine(USAGE, {
  options: {
    user: { type: 'string' },
    role: { type: 'string' },
    org: { type: 'string' },
    system: { type: 'string' },
    patient: { type: 'string' },
    expires: { type: 'string' },
  },
});

try {
  ensureLocalSecrets();
  const expiresInSeconds = values.expires ? Number(values.expires) : undefined;
  if (values.patient) {
    if (!isValidNhsNumber(values.patient)) {
      process.stderr.write(`--patient needs a valid NHS number (10 digits, Modulus 11), e.g. one npm start lists.\n`);
      process.exit(2);
    }
    process.stdout.write(`${patientToken(normaliseNhsNumber(values.patient), { expiresInSeconds })}\n`);
  } else if (values.system) process.stdout.write(`${signSystemToken(values.system, expiresInSeconds)}\n`);
  else if (values.user) process.stdout.write(`${userToken(findDemoUser(values.user), { expiresInSeconds })}\n`);
  else if (values.role && values.org) {
    const userId = `dev-${values.role}-${values.org}`.toLowerCase();
    process.stdout.write(`${userToken({ userId, name: `Dev user ${values.role} at ${values.org}`, odsCode: values.org, jobRole: values.role, roleName: values.role }, { expiresInSeconds })}\n`);
  } else {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
