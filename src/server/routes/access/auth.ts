import type { FastifyReply, FastifyRequest } from 'fastify';
import { LoginBody, MePatch, TokenCreate, TotpEnable } from '../../../shared/contracts/index.ts';
import { AppError, errors } from '../../../shared/errors.ts';
import { login, logout, logoutEverywhere, SESSION_COOKIE } from '../../../services/access/sessions.ts';
import { newTotpSecret, otpauthUri, verifyTotp } from '../../../services/access/totp.ts';
import { getAgency } from '../../../store/repos/access/agencies.ts';
import { recordAudit } from '../../../store/repos/audit/records.ts';
import { getUser, issueToken, updateUser } from '../../../store/repos/access/users.ts';
import type { UserRow } from '../../../store/repos/access/users.ts';
import type { Store } from '../../../store/store.ts';
import { cookieValue } from '../../http/route.ts';
import type { Router } from '../router.ts';

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  void reply.header(
    'set-cookie',
    `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeSeconds}${secure}`,
  );
}

async function presentMe(store: Store, u: UserRow) {
  const agency = u.agency_id ? await getAgency(store.db, u.agency_id) : undefined;
  return {
    user: {
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      platformRole: u.platform_role,
      agency: agency ? { id: agency.id, name: agency.name, country: agency.country, kind: agency.kind } : null,
      language: u.language ?? 'en',
      totp: !!u.totp_secret,
    },
  };
}

export function authRoutes(r: Router): void {
  r({
    method: 'POST',
    url: '/api/auth/login',
    tag: 'auth',
    summary: 'Sign in with username, password and (when enabled) an authenticator code',
    access: 'public',
    body: LoginBody,
    handler: async ({ store, body, request, reply }) => {
      try {
        const { user, token, expiresAt } = await login(store, { ...body, ip: request.ip });
        setSessionCookie(request, reply, token, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000));
        await recordAudit(store.db, {
          caseId: null,
          userId: user.id,
          action: 'login',
          targetType: 'session',
          ip: request.ip,
        });
        return presentMe(store, user);
      } catch (e) {
        if (e instanceof AppError) {
          // The attempted name may be a mistyped password: it is not logged, only the outcome.
          await recordAudit(store.db, {
            caseId: null,
            userId: 'anonymous',
            action: 'login',
            targetType: 'session',
            ip: request.ip,
            detail: { outcome: e.code },
          });
        }
        throw e;
      }
    },
  });

  r({
    method: 'POST',
    url: '/api/auth/logout',
    tag: 'auth',
    summary: 'Sign out of this session',
    access: 'authenticated',
    status: 204,
    handler: async ({ store, request, reply, actor }) => {
      const token = cookieValue(request.headers.cookie, SESSION_COOKIE);
      if (token) await logout(store, token);
      void reply.header('set-cookie', `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`);
      await recordAudit(store.db, {
        caseId: null,
        userId: actor.id,
        action: 'logout',
        targetType: 'session',
        ip: request.ip,
      });
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
    handler: async ({ store, reply, actor, request }) => {
      await logoutEverywhere(store, actor.id);
      void reply.header('set-cookie', `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`);
      await recordAudit(store.db, {
        caseId: null,
        userId: actor.id,
        action: 'logout',
        targetType: 'all-sessions',
        ip: request.ip,
      });
      return null;
    },
  });

  r({
    method: 'GET',
    url: '/api/auth/me',
    tag: 'auth',
    summary: 'Who you are',
    access: 'authenticated',
    handler: async ({ store, actor }) => presentMe(store, (await getUser(store.db, actor.id)) as UserRow),
  });

  r({
    method: 'PATCH',
    url: '/api/auth/me',
    tag: 'auth',
    summary: 'Remember your language',
    access: 'authenticated',
    body: MePatch,
    handler: async ({ store, actor, body }) => {
      await updateUser(store.db, actor.id, { language: body.language });
      return presentMe(store, (await getUser(store.db, actor.id)) as UserRow);
    },
  });

  r({
    method: 'GET',
    url: '/api/auth/totp/new',
    tag: 'auth',
    summary: 'A new authenticator secret to scan (not active until confirmed)',
    access: 'authenticated',
    handler: async ({ actor }) => {
      const secret = newTotpSecret();
      return { secret, uri: otpauthUri(secret, actor.username) };
    },
  });

  r({
    method: 'POST',
    url: '/api/auth/totp',
    tag: 'auth',
    summary: 'Turn on the second factor by confirming a code',
    access: 'authenticated',
    body: TotpEnable,
    handler: async ({ store, actor, body, request }) => {
      if (!verifyTotp(body.secret, body.code))
        throw errors.validation('The code does not match the secret; check the device clock', 'code');
      await updateUser(store.db, actor.id, { totp_secret: body.secret });
      await recordAudit(store.db, {
        caseId: null,
        userId: actor.id,
        action: 'permission',
        targetType: 'totp',
        ip: request.ip,
        detail: { enabled: true },
      });
      return { totp: true };
    },
  });

  r({
    method: 'POST',
    url: '/api/auth/tokens',
    tag: 'auth',
    summary: 'A personal API token for scripts and the CLI (shown once)',
    access: 'authenticated',
    body: TokenCreate,
    status: 201,
    handler: async ({ store, actor, body, request }) => {
      const token = await issueToken(store.db, actor.id, body.label);
      await recordAudit(store.db, {
        caseId: null,
        userId: actor.id,
        action: 'permission',
        targetType: 'api-token',
        ip: request.ip,
      });
      return { token, label: body.label };
    },
  });
}
