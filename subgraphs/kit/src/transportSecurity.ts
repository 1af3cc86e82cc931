import { createServer as createPlainServer, type RequestListener, type Server as PlainServer } from 'node:http';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:https';
import { webcrypto, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { TLSSocket } from 'node:tls';
import { join } from 'node:path';
import type * as X509 from '@peculiar/x509';
import type { NextFunction, Request, Response } from 'express';
import type { Agent } from 'undici';
import { REFUSAL_SPIKE_PATH } from './audit/refusalSpike';
import { ErrorCode } from './errors';
import { outcomeError } from './ingest/operationOutcome';
import { SECRETS_DIR } from './secrets';

/**
 * Encrypted hops (issue #21.6): the one place that knows about TLS. Off by default: `npm start`
 * and the test stack talk plain HTTP on loopback. On when SHAREFORYOU_TLS_DIR names a folder of
 * TLS material (`npm start -- --production` makes one in .secrets/tls); then
 *   - every service serves HTTPS with its own certificate (services/<name>.crt),
 *   - a subgraph asks every caller for a client certificate our CA signed and refuses the
 *     handshake otherwise (so plain HTTP and strangers never reach a route), and then lets only
 *     the gateway's certificate call /graphql and /export, and only a source system's certificate
 *     post to /fhir, for its own organisation (checked against the system token in the feed),
 *   - the gateway calls subgraphs with its client certificate, a source system posts with its own,
 *   - the database listens on TLS only and wants a client certificate too.
 *
 * Who a certificate speaks for is one URI in its subject alternative names:
 * urn:shareforyou:service:<name> or urn:shareforyou:source-system:<ODS code>.
 */

export const TLS_DIR_VARIABLE = 'SHAREFORYOU_TLS_DIR';
/** Where `npm start -- --production` keeps the local CA and certificates. */
export const LOCAL_TLS_DIR = join(SECRETS_DIR, 'tls');

const SERVICE_URI = 'urn:shareforyou:service:';
const SOURCE_SYSTEM_URI = 'urn:shareforyou:source-system:';
/** The operator's certificate: the stack's health checks, seeding the register, the CLI tools. */
export const OPERATOR = 'operator';
/** The database engine's server certificate. */
export const DATABASE = 'database';

export const transportSecurityOn = (env: NodeJS.ProcessEnv = process.env): boolean => !!env[TLS_DIR_VARIABLE];
export const httpScheme = (env: NodeJS.ProcessEnv = process.env): 'https' | 'http' => (transportSecurityOn(env) ? 'https' : 'http');

function tlsDir(env: NodeJS.ProcessEnv): string {
  const dir = env[TLS_DIR_VARIABLE];
  if (!dir) throw new Error(`${TLS_DIR_VARIABLE} is not set: transport security is off.`);
  return dir;
}

/** Where one party's files are: ca.crt, services/<name>.{crt,key,pem}, source-systems/<ODS>.{crt,key,pem}. */
export function tlsFiles(party: { service: string } | { sourceSystem: string }, dir: string) {
  const base = 'service' in party ? join(dir, 'services', party.service) : join(dir, 'source-systems', party.sourceSystem);
  return { ca: join(dir, 'ca.crt'), cert: `${base}.crt`, key: `${base}.key`, certAndKey: `${base}.pem` };
}

const material = new Map<string, { ca: Buffer; cert: Buffer; key: Buffer }>();

function read(path: string, what: string): Buffer {
  if (!existsSync(path)) {
    throw new Error(
      `The ${what} is missing (${path}). Run "npm start -- --production" once to create a local CA and certificates in ${LOCAL_TLS_DIR}, ` +
        `or point ${TLS_DIR_VARIABLE} at your own (ca.crt, services/<name>.crt and .key, source-systems/<ODS>.crt and .key).`,
    );
  }
  return readFileSync(path);
}

/** The CA, certificate and key of a service or a source system, read once. */
export function tlsMaterial(party: { service: string } | { sourceSystem: string }, env: NodeJS.ProcessEnv = process.env) {
  const files = tlsFiles(party, tlsDir(env));
  const key = files.cert;
  if (!material.has(key)) {
    const who = 'service' in party ? `certificate of the ${party.service} service` : `client certificate of source system ${party.sourceSystem}`;
    material.set(key, { ca: read(files.ca, 'CA certificate'), cert: read(files.cert, who), key: read(files.key, `private key of the ${who}`) });
  }
  return material.get(key)!;
}

export type AnyServer = PlainServer | TlsServer;

/**
 * A service's HTTP server: plain HTTP when transport security is off; otherwise HTTPS with the
 * service's certificate, and with clientCertificates 'required' a handshake that refuses any caller
 * without a certificate our CA signed (the subgraphs). The gateway faces browsers: 'none'.
 */
export function serviceServer(service: string, app: RequestListener, clientCertificates: 'required' | 'none', env: NodeJS.ProcessEnv = process.env): AnyServer {
  if (!transportSecurityOn(env)) return createPlainServer(app);
  const { ca, cert, key } = tlsMaterial({ service }, env);
  return createTlsServer(
    { ca, cert, key, minVersion: 'TLSv1.2', requestCert: clientCertificates === 'required', rejectUnauthorized: clientCertificates === 'required' },
    app,
  );
}

const agents = new Map<string, Agent>();

/**
 * fetch for calls that leave this process: the global fetch when transport security is off, else
 * one that trusts only our CA and presents this party's client certificate.
 */
export function fetchAs(party: { service: string } | { sourceSystem: string }, env: NodeJS.ProcessEnv = process.env): typeof fetch {
  if (!transportSecurityOn(env)) return fetch;
  const { ca, cert, key } = tlsMaterial(party, env);
  const id = JSON.stringify([party, tlsDir(env)]);
  // undici's own fetch with its own Agent (a client certificate needs an Agent; loaded only when on).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const undici = require('undici') as typeof import('undici');
  if (!agents.has(id)) agents.set(id, new undici.Agent({ connect: { ca, cert, key } }));
  const dispatcher = agents.get(id)!;
  return ((url: string | URL, init?: RequestInit) => undici.fetch(url as string, { ...(init as object), dispatcher } as never)) as unknown as typeof fetch;
}

/**
 * A database URI that says TLS and names the caller's certificate (each service its own, the
 * tools the operator's). The stack gives each service its own MONGODB_URI, so the database code
 * needs nothing of its own for TLS.
 */
export function tlsDatabaseUri(host: string, port: number, dir: string, service = OPERATOR): string {
  const files = tlsFiles({ service }, dir);
  return `mongodb://${host}:${port}/?tls=true&tlsCAFile=${encodeURIComponent(files.ca)}&tlsCertificateKeyFile=${encodeURIComponent(files.certAndKey)}`;
}

/** FerretDB's flags to listen on TLS only, wanting a client certificate our CA signed. */
export function databaseListenArgs(host: string, port: number, dir: string): string[] {
  const files = tlsFiles({ service: DATABASE }, dir);
  return ['--listen-addr=', `--listen-tls=${host}:${port}`, `--listen-tls-cert-file=${files.cert}`, `--listen-tls-key-file=${files.key}`, `--listen-tls-ca-file=${files.ca}`];
}

// ---------------------------------------------------------------------------------------------
// Who called: the verified client certificate's URI, and what each route of a subgraph accepts.

export type Peer = { kind: 'service'; name: string } | { kind: 'source-system'; odsCode: string };

/** Who a verified client certificate speaks for (null: none, or not one of ours). Pure. */
export function peerFromAltNames(subjectAltName: string | undefined): Peer | null {
  const uris = (subjectAltName ?? '').split(/,\s*/).filter((n) => n.startsWith('URI:')).map((n) => n.slice(4));
  if (uris.length !== 1) return null;
  const [uri] = uris;
  if (uri.startsWith(SERVICE_URI)) return { kind: 'service', name: uri.slice(SERVICE_URI.length) };
  if (uri.startsWith(SOURCE_SYSTEM_URI)) return { kind: 'source-system', odsCode: uri.slice(SOURCE_SYSTEM_URI.length) };
  return null;
}

function peerOf(req: Request): Peer | null {
  const socket = req.socket as TLSSocket;
  if (typeof socket.getPeerCertificate !== 'function' || !socket.authorized) return null;
  return peerFromAltNames(socket.getPeerCertificate().subjectaltname);
}

/**
 * What a subgraph's route accepts (pure): the feed only source systems, GraphQL and the audit
 * export only the gateway, health, metrics and the staff feed any of our services or the operator.
 * Returns the refusal, or null.
 */
export function routeRefusal(path: string, peer: Peer | null): string | null {
  if (!peer) return 'This service accepts only callers with a client certificate issued for this record.';
  if (path === '/fhir' || path.startsWith('/fhir/')) {
    return peer.kind === 'source-system' ? null : 'The feed accepts only a source system\'s client certificate.';
  }
  if (path === '/graphql' || path.startsWith('/graphql/') || path.startsWith('/export') || path === REFUSAL_SPIKE_PATH) {
    return peer.kind === 'service' && peer.name === 'gateway' ? null : 'This subgraph answers only the ShareforYou gateway\'s client certificate.';
  }
  return peer.kind === 'service' ? null : 'A source system\'s certificate is accepted on the feed only.';
}

/** A subgraph's first middleware when transport security is on: refuses a caller the route does not accept (403). */
export function certificateGuard() {
  return (req: Request, res: Response, next: NextFunction) => {
    const peer = peerOf(req);
    const refusal = routeRefusal(req.path, peer);
    if (refusal) {
      if (req.path.startsWith('/fhir')) res.status(403).type('application/fhir+json').send(JSON.stringify(outcomeError('security', `Feed refused: ${refusal}`)));
      else res.status(403).json({ errors: [{ message: refusal, extensions: { code: ErrorCode.FORBIDDEN_ACTION } }] });
      return;
    }
    res.locals.peer = peer;
    next();
  };
}

/**
 * Refuses a feed whose system token names another organisation than the client certificate it
 * came with (a source system's certificate is for its own organisation's feed only). Off: null.
 */
export function feedCertificateRefusal(res: Response, tokenOdsCode: string): string | null {
  const peer = res.locals.peer as Peer | undefined;
  if (!peer) return null;
  if (peer.kind === 'source-system' && peer.odsCode === tokenOdsCode) return null;
  return `the client certificate is not ${tokenOdsCode}'s: each source system sends with its own organisation's certificate.`;
}

// ---------------------------------------------------------------------------------------------
// The local CA and certificates (npm start -- --production). Keys are ECDSA P-256, made with
// WebCrypto; @peculiar/x509 writes the certificates. Loaded only by the tools that make them, so no
// service loads it (nor the reflect-metadata polyfill it needs first).

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

let loadedLibrary: typeof X509 | undefined;
function certificateLibrary(): typeof X509 {
  if (!loadedLibrary) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('reflect-metadata');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loadedLibrary = require('@peculiar/x509') as typeof X509;
    loadedLibrary.cryptoProvider.set(webcrypto as never);
  }
  return loadedLibrary;
}
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;
const CA_DAYS = 3650;
const LEAF_DAYS = 397;
/** A certificate closer than this to its end is made anew at start. */
const RENEW_DAYS = 30;

const serial = () => Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString('hex').replace(/^[89a-f]/, '1');

async function pkcs8Pem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

function writePrivate(path: string, text: string): void {
  writeFileSync(path, text, { mode: 0o600 });
  chmodSync(path, 0o600);
}

const stillGood = (path: string) => existsSync(path) && new Date(new X509Certificate(readFileSync(path)).validTo).getTime() - Date.now() > RENEW_DAYS * DAY;

interface CertificateAuthority {
  cert: X509.X509Certificate;
  key: CryptoKey;
  created: boolean;
}

async function loadOrCreateCa(dir: string): Promise<CertificateAuthority> {
  const x509 = certificateLibrary();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const certPath = join(dir, 'ca.crt');
  const keyPath = join(dir, 'ca.key');
  if (stillGood(certPath) && existsSync(keyPath)) {
    const cert = new x509.X509Certificate(readFileSync(certPath, 'utf8'));
    const der = Buffer.from(readFileSync(keyPath, 'utf8').replace(/-----[^-]+-----|\s/g, ''), 'base64');
    const key = await webcrypto.subtle.importKey('pkcs8', der, ALGORITHM, false, ['sign']);
    return { cert, key: key as CryptoKey, created: false };
  }
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: 'CN=ShareforYou Care Record local CA, O=ShareforYou (development)',
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + CA_DAYS * DAY),
    keys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  writeFileSync(certPath, cert.toString('pem') + '\n');
  writePrivate(keyPath, await pkcs8Pem(keys.privateKey));
  return { cert, key: keys.privateKey, created: true };
}

async function issue(ca: CertificateAuthority, files: ReturnType<typeof tlsFiles>, subject: string, uri: string, hostnames: string[]): Promise<void> {
  const x509 = certificateLibrary();
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const names: X509.JsonGeneralName[] = [{ type: 'url', value: uri }, ...hostnames.map((h) => ({ type: /^[\d.]+$|:/.test(h) ? ('ip' as const) : ('dns' as const), value: h }))];
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject,
    issuer: ca.cert.subject,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + LEAF_DAYS * DAY),
    publicKey: keys.publicKey,
    signingKey: ca.key,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension(hostnames.length ? [x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth] : [x509.ExtendedKeyUsage.clientAuth]),
      new x509.SubjectAlternativeNameExtension(names),
      await x509.AuthorityKeyIdentifierExtension.create(ca.cert),
    ],
  });
  const certPem = cert.toString('pem') + '\n';
  const keyPem = await pkcs8Pem(keys.privateKey);
  writeFileSync(files.cert, certPem);
  writePrivate(files.key, keyPem);
  // Certificate and key in one file: what MongoDB clients take (tlsCertificateKeyFile) and curl's --cert.
  writePrivate(files.certAndKey, certPem + keyPem);
}

/** The names every service certificate is good for, besides its URI: loopback, and TLS_HOSTNAMES (comma-separated). */
const serviceHostnames = (env: NodeJS.ProcessEnv) => ['localhost', '127.0.0.1', ...(env.TLS_HOSTNAMES ?? '').split(',').map((h) => h.trim()).filter(Boolean)];

/**
 * Creates what is missing or near its end: the local CA, a certificate per service (server and
 * client), one per source system (client only). A new CA re-issues everything. Only the local tools
 * call this; services never make certificates. Returns what was created, for the log.
 */
export async function ensureLocalTlsMaterial(options: { dir?: string; services: string[]; sourceSystems: string[]; env?: NodeJS.ProcessEnv }): Promise<string[]> {
  const dir = options.dir ?? LOCAL_TLS_DIR;
  mkdirSync(join(dir, 'services'), { recursive: true, mode: 0o700 });
  mkdirSync(join(dir, 'source-systems'), { recursive: true, mode: 0o700 });
  const ca = await loadOrCreateCa(dir);
  const created = ca.created ? ['the local CA'] : [];
  for (const service of [...new Set([...options.services, OPERATOR, DATABASE])]) {
    const files = tlsFiles({ service }, dir);
    if (!ca.created && stillGood(files.cert)) continue;
    await issue(ca, files, `CN=${service}, OU=services, O=ShareforYou`, SERVICE_URI + service, service === OPERATOR ? [] : serviceHostnames(options.env ?? process.env));
    created.push(`the ${service} certificate`);
  }
  for (const odsCode of options.sourceSystems) created.push(...(await ensureSourceSystemCertificate(odsCode, dir, ca)));
  material.clear();
  return created;
}

/** A source system's client certificate for one organisation (npm run certificate -- --source-system <ODS>). */
export async function ensureSourceSystemCertificate(odsCode: string, dir = LOCAL_TLS_DIR, ca?: CertificateAuthority): Promise<string[]> {
  if (!/^[A-Z0-9]{3,10}$/.test(odsCode)) throw new Error(`"${odsCode}" is not an ODS code (3 to 10 capital letters and digits).`);
  const authority = ca ?? (await loadOrCreateCa(dir));
  const files = tlsFiles({ sourceSystem: odsCode }, dir);
  if (!authority.created && stillGood(files.cert)) return [];
  mkdirSync(join(dir, 'source-systems'), { recursive: true, mode: 0o700 });
  await issue(authority, files, `CN=source system ${odsCode}, OU=source systems, O=ShareforYou`, SOURCE_SYSTEM_URI + odsCode, []);
  return [`the source-system certificate of ${odsCode}`];
}
