/**
 * Red-flag findings as facts of the legal-element matrix. A finding is read as the data signal it
 * is (a wage kick-back is wages withheld and manipulated, deductions are wage manipulation, a
 * payroll without tax is exploitative conditions, accounts run by one controller are dependency)
 * and the signal as the indicators it evidences (dataSignals.ts, each with its source); the
 * Delphi items of those indicators carry the legal element they show (delphi2009.ts: means for
 * coercion and abuse of vulnerability, purpose for exploitative conditions). So a finding that
 * names a suspect's account fills the same cells an officer's observation of it would.
 */
import type { Act, Item, Text } from './catalogue.ts';
import { DELPHI_2009 } from './delphi2009.ts';
import type { DataSignal } from './dataSignals.ts';
import { SIGNAL_INDICATORS } from './dataSignals.ts';
import type { LegalFact } from './legal.ts';

/** Which data signal a red-flag rule's finding shows (rules not listed show no legal element). */
export const RULE_SIGNALS: Readonly<Record<string, DataSignal>> = {
  wageKickback: 'wageKickback',
  housingDeductions: 'wageDeduction',
  payrollWithoutTax: 'payrollWithoutTax',
  sharedContacts: 'controlledContact',
};

/**
 * What a finding says about the act: money that shows who housed or recruited the person. Each
 * reading with its source, in the platform's languages (the report and the matrix show it as the
 * fact's words). Only variants listed here count: a shared phone does not show harbouring.
 */
export interface ActReading {
  act: Act;
  /** Variants of the rule that show the act; absent: every variant. */
  variants?: readonly string[];
  text: Text;
  source: string;
}

export const RULE_ACTS: Readonly<Record<string, ActReading>> = {
  housingDeductions: {
    act: 'harbouring',
    text: {
      en: 'Workers pay the account the same charge for housing or transport after each wage: its holder houses or moves them',
      fi: 'Työntekijät maksavat tilille saman asumis- tai kuljetusmaksun jokaisen palkan jälkeen: tilin haltija majoittaa tai kuljettaa heitä',
      et: 'Töötajad maksavad kontole pärast iga palka sama majutus- või transporditasu: konto omanik majutab või veab neid',
      lv: 'Darbinieki pēc katras algas maksā kontam vienādu maksu par mājokli vai transportu: konta turētājs viņus izmitina vai pārvadā',
    },
    source: 'FATF/APG (2018), Financial Flows from Human Trafficking',
  },
  recruitmentFees: {
    act: 'recruitment',
    text: {
      en: 'Workers pay the account a fee out of their first wage: its holder recruited them',
      fi: 'Työntekijät maksavat tilille maksun ensimmäisestä palkastaan: tilin haltija on rekrytoinut heidät',
      et: 'Töötajad maksavad kontole tasu oma esimesest palgast: konto omanik värbas nad',
      lv: 'Darbinieki no pirmās algas maksā kontam maksu: konta turētājs viņus savervēja',
    },
    source: 'ILO (2019), General Principles and Operational Guidelines for Fair Recruitment',
  },
  sharedContacts: {
    act: 'harbouring',
    variants: ['controller', 'address'],
    text: {
      en: 'Workers’ accounts give one address or one person housing or controlling them: that person harbours them',
      fi: 'Työntekijöiden tileillä on sama osoite tai sama heitä majoittava tai hallitseva henkilö: tämä henkilö majoittaa heitä',
      et: 'Töötajate kontodel on üks aadress või üks neid majutav või kontrolliv isik: see isik majutab neid',
      lv: 'Darbinieku kontos norādīta viena adrese vai viena persona, kas viņus izmitina vai kontrolē: šī persona viņus izmitina',
    },
    source: 'FATF/APG (2018), Financial Flows from Human Trafficking',
  },
};

/** The rules whose findings the legal-element matrix reads (for means, purpose or act). */
export const LEGAL_RULES: readonly string[] = [...new Set([...Object.keys(RULE_SIGNALS), ...Object.keys(RULE_ACTS)])];

const delphiItems = new Map<string, Item>(
  DELPHI_2009.lists.filter((l) => l.exploitation === 'labour').flatMap((l) => l.items.map((i) => [i.id, i] as const)),
);

/** A Delphi item by id, from the labour lists (the ones financial findings speak to). */
export const delphiItem = (id: string): Item | undefined => delphiItems.get(id);

/**
 * The facts one finding gives against the suspects it concerns: a means per means of each item,
 * and forced labour as the purpose where an item shows exploitative conditions.
 */
export function findingFacts(
  finding: { id: string; rule: string; variant?: string },
  suspectIds: readonly string[],
): LegalFact[] {
  const signal = RULE_SIGNALS[finding.rule];
  const out: LegalFact[] = [];
  const reading = RULE_ACTS[finding.rule];
  if (reading && (!reading.variants || reading.variants.includes(finding.variant ?? '')))
    out.push({
      element: 'act',
      value: reading.act,
      label: `${reading.text.en} (${reading.source})`,
      origin: { kind: 'finding', id: finding.id },
      evidence: [`finding:${finding.id}`],
      suspectIds: [...suspectIds],
    });
  for (const ind of signal ? SIGNAL_INDICATORS[signal] : []) {
    const item = delphiItem(ind.item);
    if (!item) continue;
    const base = {
      label: item.text.en,
      origin: { kind: 'finding' as const, id: finding.id, item: item.id },
      evidence: [`finding:${finding.id}`],
      suspectIds: [...suspectIds],
    };
    for (const m of item.means ?? []) out.push({ ...base, element: 'means', value: m });
    if (item.purpose) out.push({ ...base, element: 'purpose', value: 'forcedLabour' });
  }
  const seen = new Set<string>();
  return out.filter((f) => {
    const key = `${f.element}:${f.value}:${f.origin.item ?? ''}`;
    return !seen.has(key) && !!seen.add(key);
  });
}
