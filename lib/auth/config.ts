import 'server-only';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { env } from '@/lib/env';
import { authenticate } from './authenticate';
import { clientAddress } from './client-address';
import { SESSION_ABSOLUTE_SECONDS } from './session-policy';

/** Carries the outcome to the sign-in action; codes never reach a URL because the action calls signIn server-side. */
export class SignInRefused extends CredentialsSignin {
  constructor(code: 'invalid' | `throttled:${number}`) {
    super();
    this.code = code;
  }
}

declare module 'next-auth' {
  interface User {
    sessionId?: string;
    sessionVersion?: number;
  }
  interface Session {
    sessionId: string;
    memberId: string;
    sessionVersion: number;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    sid?: string;
    sv?: number;
  }
}

/** Auth.js's configuration, read per request from the environment (exported for the session-cookie test). */
export function authConfig(): NextAuthConfig {
  const { authSecret, siteUrl } = env();
  return {
    secret: authSecret,
    // Links in emails come from SITE_URL; Auth.js only needs the host for its own internal URLs.
    trustHost: true,
    // HttpOnly, SameSite=Lax; Secure with the __Secure- prefix whenever the site runs on https.
    useSecureCookies: siteUrl.startsWith('https://'),
    session: { strategy: 'jwt', maxAge: SESSION_ABSOLUTE_SECONDS },
    pages: { signIn: '/fr/login' },
    logger: {
      // A refused sign-in is an expected outcome, already answered to the member: not a server error.
      error(error) {
        if (error instanceof SignInRefused || error.name === 'CredentialsSignin') return;
        console.error(error);
      },
    },
    providers: [
      Credentials({
        credentials: { identifier: {}, password: {} },
        async authorize(credentials, request) {
          const identifier = typeof credentials.identifier === 'string' ? credentials.identifier : '';
          const password = typeof credentials.password === 'string' ? credentials.password : '';
          const result = await authenticate(await getDb(), { identifier, password, ip: clientAddress(request.headers) });
          if (result.ok) return { id: result.memberId, sessionId: result.sessionId, sessionVersion: result.sessionVersion };
          throw new SignInRefused(result.reason === 'invalid' ? 'invalid' : `throttled:${result.retryAt.getTime()}`);
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        // Keep the cookie small and free of personal data: the member is read from the database on each request.
        if (user) return { sub: user.id, sid: user.sessionId, sv: user.sessionVersion };
        return token;
      },
      session({ session, token }) {
        return {
          expires: session.expires,
          sessionId: token.sid ?? '',
          memberId: token.sub ?? '',
          sessionVersion: token.sv ?? -1,
        } as typeof session;
      },
    },
  };
}

export const { auth, signIn, signOut } = NextAuth(authConfig);
