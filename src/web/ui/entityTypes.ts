/**
 * One visual language for entity types: each type has one colour and one icon, the same in
 * every list, page and (later) chart. Colours are dark enough for white glyphs (WCAG 3:1 for
 * graphics) and distinct from each other; the type's name is always written beside them too.
 */
import type { IconName } from './icons.tsx';

interface TypeStyle {
  icon: IconName;
  color: string;
}

const STYLES: Record<string, TypeStyle> = {
  Person: { icon: 'person', color: '#1d5fbf' },
  Company: { icon: 'company', color: '#6b3fa0' },
  Organization: { icon: 'organization', color: '#8a3584' },
  LegalEntity: { icon: 'legalEntity', color: '#5b4a8a' },
  Address: { icon: 'address', color: '#8a5a1c' },
  BankAccount: { icon: 'bank', color: '#1f7a3d' },
  Phone: { icon: 'phone', color: '#0f7173' },
  EmailAddress: { icon: 'email', color: '#1b5f8c' },
  Vehicle: { icon: 'vehicle', color: '#a4481a' },
  Passport: { icon: 'passport', color: '#8a6200' },
  Identification: { icon: 'identification', color: '#7a5c12' },
  UserAccount: { icon: 'userAccount', color: '#3f51b5' },
  OnlineAd: { icon: 'onlineAd', color: '#a8305f' },
  Event: { icon: 'event', color: '#55606e' },
  Trip: { icon: 'trip', color: '#46687a' },
  Call: { icon: 'call', color: '#0d5c63' },
  Asset: { icon: 'asset', color: '#6f6124' },
  Document: { icon: 'document', color: '#5f6670' },
  Folder: { icon: 'folder', color: '#5f6670' },
  PlainText: { icon: 'document', color: '#5f6670' },
  HyperText: { icon: 'document', color: '#5f6670' },
  Message: { icon: 'message', color: '#4a6580' },
  Ownership: { icon: 'ownership', color: '#6b3fa0' },
  Directorship: { icon: 'directorship', color: '#7b3a8f' },
  Employment: { icon: 'employment', color: '#2f6b8a' },
  Membership: { icon: 'membership', color: '#5a5f9e' },
  Payment: { icon: 'payment', color: '#1f7a3d' },
  Debt: { icon: 'debt', color: '#9b3b2e' },
  Representation: { icon: 'representation', color: '#5b6b2e' },
  Succession: { icon: 'succession', color: '#6e5a3c' },
  Family: { icon: 'family', color: '#a0452c' },
  Associate: { icon: 'associate', color: '#3d6b5a' },
  UnknownLink: { icon: 'unknownLink', color: '#59606b' },
  Subcontract: { icon: 'subcontract', color: '#7a4a1c' },
  Posting: { icon: 'posting', color: '#1d6f8f' },
  Recruitment: { icon: 'recruitment', color: '#a3326b' },
  Accommodation: { icon: 'accommodation', color: '#8a5a1c' },
  Control: { icon: 'control', color: '#9b2c2c' },
};

const FALLBACK: TypeStyle = { icon: 'document', color: '#59606b' };

export const typeStyle = (schema: string): TypeStyle => STYLES[schema] ?? FALLBACK;
