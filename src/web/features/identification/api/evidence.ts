/** The case things an indicator can be tied to, for one person: observations, notes, links, files. */
import type { TFunction } from 'i18next';
import { useEntity } from '../../entities/index.ts';
import { useFiles } from '../../files/index.ts';
import { useObservations } from './identificationApi.ts';

export interface EvidenceOption {
  value: string;
  label: string;
  group: 'observation' | 'note' | 'entity' | 'file';
}

const clip = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function useEvidenceOptions(caseId: string, personId: string, t: TFunction): EvidenceOption[] {
  const obs = useObservations(caseId, personId, true);
  const detail = useEntity(caseId, personId);
  const files = useFiles(caseId, personId);
  const out: EvidenceOption[] = [];
  for (const o of obs.data?.observations ?? [])
    out.push({
      value: `observation:${o.id}`,
      label: clip(`${o.occurredOn ? `${o.occurredOn}: ` : ''}${o.text}`),
      group: 'observation',
    });
  for (const n of detail.data?.notes ?? []) out.push({ value: `note:${n.id}`, label: clip(n.text), group: 'note' });
  if (detail.data)
    out.push({ value: `entity:${personId}`, label: t('identification.evidence.thePerson'), group: 'entity' });
  for (const e of [...(detail.data?.links ?? []), ...(detail.data?.related ?? [])])
    out.push({ value: `entity:${e.id}`, label: clip(`${e.schema}: ${e.caption}`), group: 'entity' });
  for (const f of files.data?.files ?? []) out.push({ value: `file:${f.id}`, label: clip(f.fileName), group: 'file' });
  const seen = new Set<string>();
  return out.filter((o) => (seen.has(o.value) ? false : (seen.add(o.value), true)));
}

export const toRef = (v: string) => {
  const i = v.indexOf(':');
  return { kind: v.slice(0, i), id: v.slice(i + 1) };
};
export const fromRef = (r: { kind: string; id: string }) => `${r.kind}:${r.id}`;
