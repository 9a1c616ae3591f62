import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';

// Who may call the service. CDS Hooks: the EHR signs a JWT for every call (`Authorization:
// Bearer …`), asymmetric only (ES384 or RS384 recommended; `none` and HMAC forbidden), with `iss`
// the EHR, `aud` the exact endpoint URL called, `exp`, `iat` and a `jti` never used before.
// Verification is jose's (a well-kept library; hand-written JWT checks are a classic source of
// holes): keys come only from the JWK Set file given at start (`jku` is never fetched), issuers
// only from the list given at start. A jti is remembered until its token expires, so a replay
// within its life is refused; tokens may live at most MAX_TOKEN_LIFE_S, which bounds that memory.

export const ALGORITHMS = ['ES384', 'RS384'] as const;
/** The longest a token may be valid for (the sandbox signs for 5 minutes). */
export const MAX_TOKEN_LIFE_S = 3600;
/** Allowed clock difference between the EHR and this server. */
const CLOCK_TOLERANCE_S = 30;
/** At most this many jti are remembered; past it, calls are refused until some expire (503). */
const MAX_REMEMBERED_JTI = 200_000;

export type AuthResult = { readonly ok: true; readonly issuer: string | null } | { readonly ok: false; readonly status: 401 | 503; readonly reason: string };

export interface Authenticator {
  /** Checks the Authorization header of a call to `audience` (the full URL called) at `now`. */
  check(authorization: string | undefined, audience: string, now: Date): Promise<AuthResult>;
  readonly mode: 'jwt' | 'unsigned';
}

/** Accepts every call: `--allow-unsigned`, for local testing only. */
export const unsigned: Authenticator = { mode: 'unsigned', check: async () => ({ ok: true, issuer: null }) };

/** The problem with a JWK Set file's JSON, or null when jose can use it. */
export function jwksProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { keys?: unknown }).keys)) return 'expected a JWK Set: {"keys": [ … public keys … ]}';
  const keys = (value as { keys: unknown[] }).keys;
  if (keys.length === 0) return 'expected at least one key in "keys"';
  for (const [index, key] of keys.entries()) {
    if (typeof key !== 'object' || key === null) return `keys[${index}]: expected a JWK object`;
    const kty = (key as { kty?: unknown }).kty;
    if (kty !== 'EC' && kty !== 'RSA') return `keys[${index}]: expected an EC (ES384) or RSA (RS384) public key, got kty ${JSON.stringify(kty)?.slice(0, 20)}`;
    if ('d' in key) return `keys[${index}]: a private key; give only public keys`;
  }
  return null;
}

const reasonOf = (error: unknown): string => {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const reasons: Record<string, string> = {
    ERR_JWT_EXPIRED: 'the token has expired',
    ERR_JWT_CLAIM_VALIDATION_FAILED: 'a claim of the token is not accepted',
    ERR_JOSE_ALG_NOT_ALLOWED: `the token's algorithm is not accepted (expected ${ALGORITHMS.join(' or ')})`,
    ERR_JWKS_NO_MATCHING_KEY: 'no trusted key matches the token',
    ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'several trusted keys match the token; give it a kid',
    ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'the token signature does not verify',
    ERR_JWS_INVALID: 'the token is not a valid JWS',
    ERR_JWT_INVALID: 'the token is not a valid JWT',
    ERR_JOSE_NOT_SUPPORTED: 'the token uses something not supported',
  };
  const claim = typeof error === 'object' && error !== null && 'claim' in error ? String(error.claim) : '';
  const reason = reasons[code] ?? 'the token is not valid';
  return claim ? `${reason} (${claim})` : reason;
};

/** A JWT authenticator for these trusted issuers and keys. */
export function jwtAuthenticator(issuers: readonly string[], jwks: JSONWebKeySet): Authenticator {
  const keys: JWTVerifyGetKey = createLocalJWKSet(jwks);
  const seen = new Map<string, number>();
  let lastSweep = 0;
  /** Forgets jti whose tokens have expired (at most once a second). */
  const sweep = (nowS: number) => {
    if (nowS === lastSweep) return;
    lastSweep = nowS;
    for (const [jti, exp] of seen) if (exp + CLOCK_TOLERANCE_S < nowS) seen.delete(jti);
  };
  return {
    mode: 'jwt',
    async check(authorization, audience, now) {
      const match = /^Bearer ([A-Za-z0-9_\-.]{1,8192})$/.exec(authorization ?? '');
      if (!match?.[1]) return { ok: false, status: 401, reason: authorization === undefined ? 'a Bearer JWT is required (Authorization header)' : 'expected Authorization: Bearer <JWT>' };
      let payload;
      try {
        ({ payload } = await jwtVerify(match[1], keys, {
          algorithms: [...ALGORITHMS],
          audience,
          issuer: [...issuers],
          currentDate: now,
          clockTolerance: CLOCK_TOLERANCE_S,
          requiredClaims: ['iss', 'aud', 'exp', 'iat', 'jti'],
        }));
      } catch (error) {
        return { ok: false, status: 401, reason: reasonOf(error) };
      }
      const nowS = Math.floor(now.getTime() / 1000);
      const { exp = 0, iat = 0, jti = '' } = payload;
      if (exp - iat > MAX_TOKEN_LIFE_S) return { ok: false, status: 401, reason: `the token is valid for longer than ${MAX_TOKEN_LIFE_S} s` };
      if (iat > nowS + CLOCK_TOLERANCE_S) return { ok: false, status: 401, reason: 'the token was issued in the future (iat)' };
      sweep(nowS);
      const key = `${payload.iss ?? ''}\n${jti}`;
      if (seen.has(key)) return { ok: false, status: 401, reason: 'the token has been used before (jti)' };
      if (seen.size >= MAX_REMEMBERED_JTI) return { ok: false, status: 503, reason: 'too many calls to remember their tokens; try again shortly' };
      seen.set(key, exp);
      return { ok: true, issuer: payload.iss ?? null };
    },
  };
}
