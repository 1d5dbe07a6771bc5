import type { FastifyReply, FastifyRequest } from 'fastify';
import { LoginBody, MePatch, TokenCreate, TotpDisable, TotpEnable } from '../../../shared/contracts/index.ts';
import {
  disableTotp,
  enableTotp,
  issueApiToken,
  proposeTotp,
  SESSION_COOKIE,
  setLanguage,
  signIn,
  signOut,
  signOutEverywhere,
  whoAmI,
} from '../../../services/access/index.ts';
import { cookieValue } from '../../http/route.ts';
import type { Router } from '../router.ts';

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  void reply.header(
    'set-cookie',
    `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeSeconds}${secure}`,
  );
}

const clearSessionCookie = (reply: FastifyReply): void => {
  void reply.header('set-cookie', `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`);
};

export function authRoutes(r: Router): void {
  r({
    method: 'POST',
    url: '/api/auth/login',
    tag: 'auth',
    summary: 'Sign in with username, password and (when enabled) an authenticator code',
    access: 'public',
    body: LoginBody,
    handler: async ({ store, body, request, reply }) => {
      const { me, token, expiresAt } = await signIn(store, { ...body, ip: request.ip });
      setSessionCookie(request, reply, token, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000));
      return me;
    },
  });

  r({
    method: 'POST',
    url: '/api/auth/logout',
    tag: 'auth',
    summary: 'Sign out of this session',
    access: 'authenticated',
    status: 204,
    handler: async ({ store, caller, request, reply }) => {
      await signOut(store, caller, { token: cookieValue(request.headers.cookie, SESSION_COOKIE) });
      clearSessionCookie(reply);
      return null;
    },
  });

  r({
    method: 'POST',
    url: '/api/auth/logout-everywhere',
    tag: 'auth',
    summary: 'End every session and revoke every API token of yours',
    access: 'authenticated',
    status: 204,
    handler: async ({ store, caller, reply }) => {
      await signOutEverywhere(store, caller);
      clearSessionCookie(reply);
      return null;
    },
  });

  r({
    method: 'GET',
    url: '/api/auth/me',
    tag: 'auth',
    summary: 'Who you are',
    access: 'authenticated',
    handler: ({ store, caller }) => whoAmI(store, caller),
  });

  r({
    method: 'PATCH',
    url: '/api/auth/me',
    tag: 'auth',
    summary: 'Remember your language',
    access: 'authenticated',
    body: MePatch,
    handler: ({ store, caller, body }) => setLanguage(store, caller, { language: body.language }),
  });

  r({
    method: 'GET',
    url: '/api/auth/totp/new',
    tag: 'auth',
    summary: 'A new authenticator secret to scan (not active until confirmed)',
    access: 'authenticated',
    handler: ({ store, caller }) => proposeTotp(store, caller),
  });

  r({
    method: 'POST',
    url: '/api/auth/totp',
    tag: 'auth',
    summary: 'Turn on or replace the second factor: a code of the new secret, your password and the current code',
    access: 'authenticated',
    body: TotpEnable,
    handler: ({ store, caller, body }) => enableTotp(store, caller, body),
  });

  r({
    method: 'POST',
    url: '/api/auth/totp/off',
    tag: 'auth',
    summary: 'Turn off the second factor: your password and a current code',
    access: 'authenticated',
    body: TotpDisable,
    handler: ({ store, caller, body }) => disableTotp(store, caller, body),
  });

  r({
    method: 'POST',
    url: '/api/auth/tokens',
    tag: 'auth',
    summary: 'A personal API token for scripts and the CLI (shown once)',
    access: 'authenticated',
    body: TokenCreate,
    status: 201,
    handler: ({ store, caller, body }) => issueApiToken(store, caller, { label: body.label }),
  });
}
