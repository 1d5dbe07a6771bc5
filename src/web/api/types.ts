/** Response shapes the web reads, from the shared contracts where they exist. */
import type { CaseOut, EntityOut } from '../../shared/contracts/index.ts';

export type { CaseOut, EntityOut };
export type {
  ActivityOut,
  AuditEventOut,
  AuditOut,
  EntityRowOut,
  EntityRowsOut,
  GlobalSearchOut,
  MemberOut,
  PropertyOut,
  SchemaOut,
} from '../../shared/contracts/workspace.ts';
export type { EvidenceFileOut } from '../../shared/contracts/evidence.ts';
export type {
  FormatField,
  ImportFormatOut,
  ImportJobOut,
  ImportPreviewOut,
  LineMessage,
  PreviewItem,
  SavedMappingOut,
  UploadOut,
} from '../../shared/contracts/imports.ts';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  platformRole: string;
  agency: { id: string; name: string; country: string; kind: string } | null;
  language: string;
}

export interface CaseAccessOut {
  role: string;
  canWrite: boolean;
  canManage: boolean;
  victimContact: boolean;
  partial: boolean;
}

export interface CaseDetail extends CaseOut {
  counts: { schema: string; n: number }[];
  transactions: number;
  access?: CaseAccessOut;
}

export interface NoteOut {
  id: string;
  kind: string;
  text: string;
  author: string;
  createdAt: string;
}

export interface HistoryOut {
  version: number;
  change: string;
  changedBy: string;
  changedAt: string;
  properties: Record<string, string[]>;
}

export interface EntityDetail {
  entity: EntityOut;
  links: EntityOut[];
  related?: EntityOut[];
  notes: NoteOut[];
  history: HistoryOut[];
}

export interface JournalEntry {
  id: string;
  kind: string;
  text: string;
  occurredAt: string;
  author: string;
  createdAt: string;
}

export interface SourceOut {
  id: string;
  kind: string;
  label: string;
  sha256: string | null;
  fileName: string | null;
  createdBy: string;
  createdAt: string;
}

export interface ShareOut {
  agencyId: string;
  access: string;
  partial: boolean;
  sharedBy: string;
  sharedAt: string;
}

export interface AgencyOut {
  id: string;
  name: string;
  country: string;
  kind: string;
}
