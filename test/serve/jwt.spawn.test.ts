import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderSign, sandboxOrder } from '../helpers/cds.js';
import { STACK_FRAME } from '../helpers/run-cli.js';
import { postJson, startServe, START_MS, type ServeProcess } from '../helpers/serve.js';

// CDS Hooks' trust model: every service call carries a JWT the EHR signs (ES384 or RS384), with
// iss a trusted EHR, aud the endpoint called, exp, iat and a jti used once. Keys are made here;
// the server reads their public halves from a JWK Set file.

const ISSUER = 'https://ehr.example.org';
let folder: string;
let server: ServeProcess;
let es384: CryptoKey;
let rs384: CryptoKey;
let stranger: CryptoKey;
let counter = 0;

const endpoint = () => `${server.url}/cds-services/titrate-baclofen-sign`;
const body = orderSign([sandboxOrder('197391', 'Baclofen 10 MG Oral Tablet', 1, 'tid')]);

async function token(overrides: JWTPayload = {}, key: CryptoKey = es384, alg = 'ES384', kid = 'ehr-es384'): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  counter += 1;
  return new SignJWT({ iss: ISSUER, aud: endpoint(), iat: now, exp: now + 300, jti: `jti-${counter}-${now}`, ...overrides })
    .setProtectedHeader({ alg, typ: 'JWT', kid })
    .sign(key);
}

async function callWith(jwt: string | null) {
  const answer = await postJson(endpoint(), body, jwt === null ? {} : { authorization: `Bearer ${jwt}` });
  expect(answer.text).not.toMatch(STACK_FRAME);
  return answer;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'titrate-jwt-'));
  const ec = await generateKeyPair('ES384', { extractable: true });
  const rsa = await generateKeyPair('RS384', { extractable: true });
  es384 = ec.privateKey;
  rs384 = rsa.privateKey;
  stranger = (await generateKeyPair('ES384')).privateKey;
  const keys = [
    { ...(await exportJWK(ec.publicKey)), kid: 'ehr-es384', alg: 'ES384', use: 'sig' },
    { ...(await exportJWK(rsa.publicKey)), kid: 'ehr-rs384', alg: 'RS384', use: 'sig' },
  ];
  const jwks = join(folder, 'jwks.json');
  writeFileSync(jwks, JSON.stringify({ keys }));
  server = await startServe(['--trusted-issuer', ISSUER, '--jwks', jwks]);
}, START_MS);

afterAll(async () => {
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('titrate serve: JWT', () => {
  it('accepts a valid ES384 token, and a valid RS384 token', async () => {
    expect((await callWith(await token())).status).toBe(200);
    expect((await callWith(await token({}, rs384, 'RS384', 'ehr-rs384'))).status).toBe(200);
  });

  it('refuses a call without a token: 401 with an OperationOutcome', async () => {
    const answer = await callWith(null);
    expect(answer.status).toBe(401);
    expect(answer.body.resourceType).toBe('OperationOutcome');
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('refuses an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await callWith(await token({ iat: now - 900, exp: now - 600 }))).status).toBe(401);
  });

  it('refuses a token for another audience', async () => {
    expect((await callWith(await token({ aud: 'https://other.example.org/cds-services/titrate-baclofen-sign' }))).status).toBe(401);
    expect((await callWith(await token({ aud: `${server.url}/cds-services/titrate-baclofen-select` }))).status).toBe(401);
  });

  it('refuses alg none', async () => {
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ iss: ISSUER, aud: endpoint(), iat: now, exp: now + 300, jti: 'none-1' })}.`;
    expect((await callWith(unsigned)).status).toBe(401);
  });

  it('refuses HS256, with any secret (the public key as the secret too)', async () => {
    const secret = new TextEncoder().encode('a shared secret long enough for HS256 signing!!');
    expect((await callWith(await token({}, secret as unknown as CryptoKey, 'HS256'))).status).toBe(401);
    const publicKeyText = new TextEncoder().encode(JSON.stringify(await exportJWK(es384)));
    expect((await callWith(await token({}, publicKeyText as unknown as CryptoKey, 'HS256'))).status).toBe(401);
  });

  it('refuses an unknown issuer, and a key that is not trusted', async () => {
    expect((await callWith(await token({ iss: 'https://evil.example.org' }))).status).toBe(401);
    expect((await callWith(await token({}, stranger))).status).toBe(401);
  });

  it('refuses a replayed jti', async () => {
    const once = await token();
    expect((await callWith(once)).status).toBe(200);
    const again = await callWith(once);
    expect(again.status).toBe(401);
    expect(again.body.issue[0].diagnostics).toContain('jti');
  });

  it('refuses a token without jti or iat', async () => {
    const now = Math.floor(Date.now() / 1000);
    const withoutJti = await new SignJWT({ iss: ISSUER, aud: endpoint(), iat: now, exp: now + 300 }).setProtectedHeader({ alg: 'ES384', kid: 'ehr-es384' }).sign(es384);
    expect((await callWith(withoutJti)).status).toBe(401);
    const withoutIat = await new SignJWT({ iss: ISSUER, aud: endpoint(), exp: now + 300, jti: 'no-iat' }).setProtectedHeader({ alg: 'ES384', kid: 'ehr-es384' }).sign(es384);
    expect((await callWith(withoutIat)).status).toBe(401);
  });

  it('discovery needs no token', async () => {
    expect((await fetch(`${server.url}/cds-services`)).status).toBe(200);
  });

  it('a JWK Set with a private key is refused at start (exit 2)', async () => {
    const file = join(folder, 'private.json');
    writeFileSync(file, JSON.stringify({ keys: [{ ...(await exportJWK(es384)), kid: 'oops' }] }));
    await expect(startServe(['--trusted-issuer', ISSUER, '--jwks', file])).rejects.toThrow(/exited \(2\).*private key/s);
  }, START_MS);
});
