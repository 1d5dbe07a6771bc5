/**
 * Schema names written by earlier releases that mean something else today. Release 0.1 called
 * the THB e-mail address node `Email`, which in FollowTheMoney is an e-mail *message*: a file
 * entity `Email` with an `address` and only properties of an address node is one of ours, read as
 * `EmailAddress`; one with message properties (from, subject, bodyText…) stays `Email`, FtM's
 * e-mail message.
 */
import { getProperty } from './registry.ts';

const LEGACY_EMAIL = 'Email';
const EMAIL_ADDRESS = 'EmailAddress';

/** The schema an entity written as `schema` with these property names is today. */
export function currentSchemaName(schema: string, propertyNames: Iterable<string>): string {
  if (schema !== LEGACY_EMAIL) return schema;
  const names = [...propertyNames];
  // The address node always had its address; a message without any property stays a message.
  if (!names.includes('address')) return schema;
  for (const name of names) if (!getProperty(EMAIL_ADDRESS, name)) return schema;
  return EMAIL_ADDRESS;
}
