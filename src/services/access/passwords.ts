/** Password hashing with argon2id; generated passwords for first accounts and resets. */
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { errors } from '../../shared/errors.ts';

/** argon2id (algorithm 2 in @node-rs/argon2) with OWASP's recommended minimum cost. */
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

export function checkPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw errors.validation(`password: at least ${MIN_PASSWORD_LENGTH} characters`, 'password');
  }
  if (password.length > 1024) throw errors.validation('password: at most 1024 characters', 'password');
}

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A readable random password: 4 groups of 5 from an alphabet without look-alikes (≈ 100 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(20);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5, 10)}-${chars.slice(10, 15)}-${chars.slice(15, 20)}`;
}
