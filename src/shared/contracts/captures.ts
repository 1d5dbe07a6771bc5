/** Online captures: captured ads and web pages, what was read from them, and the ad networks. */
import { z } from 'zod';

export const CaptureUploadQuery = z.object({
  name: z.string().trim().min(1, 'the file needs a name').max(255),
  url: z.url({ protocol: /^https?$/, error: 'the address the page was captured from (http or https)' }).max(2000),
  capturedAt: z.iso.datetime({ offset: true, error: 'when the page was captured, e.g. 2026-03-01T14:30:00Z' }),
  siteCountry: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'the ad site’s country, ISO 3166-1 alpha-2 (e.g. LV)')
    .optional(),
});
export type CaptureUploadQuery = z.infer<typeof CaptureUploadQuery>;

const span = { raw: z.string(), start: z.number(), end: z.number() };

export const ExtractionOut = z.object({
  phones: z.array(
    z.object({
      /** Null when several countries read the digits and nothing prefers one: see candidates. */
      e164: z.string().nullable(),
      candidates: z.array(z.string()).optional(),
      assumedCountry: z.string().nullable(),
      ...span,
    }),
  ),
  emails: z.array(z.object({ email: z.string(), disguised: z.boolean(), ...span })),
  handles: z.array(z.object({ app: z.string(), handle: z.string(), ...span })),
  prices: z.array(z.object({ amount: z.number(), currency: z.string(), minutes: z.number().nullable(), ...span })),
  ages: z.array(z.object({ age: z.number(), ...span })),
  places: z.array(z.object({ name: z.string(), country: z.string(), ...span })),
  redFlags: z.array(
    z.object({
      kind: z.string(),
      language: z.string().nullable(),
      phrase: z.string(),
      start: z.number(),
      end: z.number(),
    }),
  ),
});
export type ExtractionOut = z.infer<typeof ExtractionOut>;

export const CaptureImageOut = z.object({
  sha256: z.string(),
  mimeType: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  dhash: z.string().nullable(),
  phash: z.string().nullable(),
  origin: z.string(),
  note: z.string().nullable(),
});

export const CaptureSummaryOut = z.object({
  id: z.string(),
  adId: z.string(),
  fileId: z.string(),
  url: z.string(),
  site: z.string(),
  capturedAt: z.string(),
  sha256: z.string(),
  size: z.number(),
  kind: z.string(),
  title: z.string(),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  redFlags: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type CaptureSummaryOut = z.infer<typeof CaptureSummaryOut>;

export const CaptureDetailOut = CaptureSummaryOut.extend({
  mimeType: z.string(),
  charset: z.string().nullable(),
  text: z.string(),
  extraction: ExtractionOut,
  images: z.array(CaptureImageOut),
  warnings: z.array(z.string()),
});
export type CaptureDetailOut = z.infer<typeof CaptureDetailOut>;

export const AdLinkOut = z.object({
  a: z.string(),
  b: z.string(),
  reason: z.enum(['phone', 'email', 'photo', 'householdPhone', 'commonPhoto']),
  value: z.string(),
  merges: z.boolean(),
});

export const PhoneHitOut = z.object({
  phone: z.string(),
  adIds: z.array(z.string()),
  holders: z.array(
    z.object({
      entityId: z.string(),
      schema: z.string(),
      caption: z.string(),
      roles: z.array(z.enum(['accountHolder', 'worker', 'phoneHolder'])),
    }),
  ),
  /** household: the phone is given by several people sharing a surname or address. */
  kind: z.enum(['holder', 'sharedByUnrelated', 'household']),
  why: z.string(),
});
export type PhoneHitOut = z.infer<typeof PhoneHitOut>;

export const AdNetworkOut = z.object({
  id: z.string(),
  adIds: z.array(z.string()),
  reasons: z.array(z.string()),
  /**
   * Different people its ads' photos show (groups of near-identical photos). One is a single
   * advertiser's own ads, not a network: only a contact advertising several people is one.
   */
  peopleShown: z.number().int().min(0),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  redFlags: z.array(z.string()),
});

export const NetworksOut = z.object({
  ads: z.array(z.object({ adId: z.string(), captureId: z.string(), title: z.string(), site: z.string() })),
  networks: z.array(AdNetworkOut),
  links: z.array(AdLinkOut),
  hits: z.array(PhoneHitOut),
});
export type NetworksOut = z.infer<typeof NetworksOut>;

export const EvidenceCheckOut = z.object({
  ok: z.boolean(),
  checked: z.number(),
  files: z.array(
    z.object({
      fileId: z.string(),
      fileName: z.string(),
      entityId: z.string().nullable(),
      sha256: z.string(),
      /**
       * ok, or what is wrong: altered (bytes or their seal changed), sha256Mismatch (capture record and file
       * disagree), unreadable (key missing).
       */
      status: z.enum(['ok', 'altered', 'sha256Mismatch', 'unreadable']),
      detail: z.string().nullable(),
    }),
  ),
});
export type EvidenceCheckOut = z.infer<typeof EvidenceCheckOut>;
