/**
 * The proceeds estimate for confiscation and compensation: the total per currency (never
 * converted), each victim's lines with what they rest on (observed, recorded, assumed,
 * modelled), the funnel accounts, and every assumption with its source — then the editor of the
 * model for those who may change it.
 */
import { useTranslation } from 'react-i18next';
import { useEntityRows } from '../../entities/index.ts';
import { Link } from '../../../ui/routing/Link.tsx';
import { paths } from '../../../ui/routing/paths.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useSay } from '../../../i18n/sentences.ts';
import { ASSUMPTIONS } from '../../../../shared/contracts/finance.ts';
import { Caption } from '../../../ui/EntityBadge.tsx';
import { EmptyState, ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { useAccounts, useProceeds } from '../api/financeApi.ts';
import type { ProceedsKind, ProceedsOut } from '../api/financeApi.ts';
import { ModelEditor } from './ModelEditor.tsx';
import { moneyOf } from './money.ts';
import { useFinanceParams } from './params.ts';

const KINDS: readonly ProceedsKind[] = ['wageKickback', 'deduction', 'recruitmentFee', 'sexualServices', 'wagesOwed'];

/** Sums per currency and kind: the server's own totals for its currency, the lines' sums for any other. */
export function totalsByCurrency(p: ProceedsOut): Map<string, Record<ProceedsKind, number>> {
  const out = new Map<string, Record<ProceedsKind, number>>([[p.totals.currency, { ...p.totals.byKind }]]);
  for (const v of p.victims) {
    for (const i of v.items) {
      if (i.currency === p.totals.currency) continue;
      const row = out.get(i.currency) ?? {
        wageKickback: 0,
        deduction: 0,
        recruitmentFee: 0,
        sexualServices: 0,
        wagesOwed: 0,
      };
      row[i.kind] += i.amountMinor;
      out.set(i.currency, row);
    }
  }
  return out;
}

function Totals({ p }: { p: ProceedsOut }) {
  const { t } = useTranslation();
  const f = useFormat();
  const byCurrency = [...totalsByCurrency(p)];
  const proceedsOf = (r: Record<ProceedsKind, number>) =>
    r.wageKickback + r.deduction + r.recruitmentFee + r.sexualServices;
  return (
    <section className="panel" aria-labelledby="proceeds-heading">
      <h2 id="proceeds-heading">{t('finance.proceeds.totals')}</h2>
      <dl className="proceeds-headline">
        <div>
          <dt>{t('finance.proceeds.total')}</dt>
          <dd data-testid="proceeds-total">{moneyOf(f, p.totals.proceedsMinor, p.totals.currency)}</dd>
        </div>
        <div>
          <dt>{t('finance.proceeds.owed')}</dt>
          <dd data-testid="proceeds-owed">{moneyOf(f, p.totals.owedToVictimsMinor, p.totals.currency)}</dd>
        </div>
      </dl>
      <table className="table compact" data-testid="proceeds-by-kind">
        <thead>
          <tr>
            <th scope="col">{t('finance.proceeds.kindCol')}</th>
            {byCurrency.map(([c]) => (
              <th key={c} scope="col" className="num">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {KINDS.map((k) => (
            <tr key={k}>
              <th scope="row">{t(`finance.proceeds.kind.${k}`)}</th>
              {byCurrency.map(([c, r]) => (
                <td key={c} className="num">
                  {moneyOf(f, r[k], c)}
                </td>
              ))}
            </tr>
          ))}
          <tr className="total-row">
            <th scope="row">{t('finance.proceeds.total')}</th>
            {byCurrency.map(([c, r]) => (
              <td key={c} className="num">
                <strong>{moneyOf(f, proceedsOf(r), c)}</strong>
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <p className="muted small">{t('finance.proceeds.wagesOwedNote')}</p>
    </section>
  );
}

function Victims({ caseId, p }: { caseId: string; p: ProceedsOut }) {
  const { t } = useTranslation();
  const f = useFormat();
  const say = useSay();
  const ids = p.victims.map((v) => v.personId);
  const people = useEntityRows(caseId, { ids: ids.join(','), limit: 1000 }, ids.length > 0);
  const byId = new Map((people.data?.rows ?? []).map((r) => [r.id, r]));
  if (!p.victims.length) return <p className="muted">{t('finance.proceeds.noVictims')}</p>;
  return (
    <section className="panel" aria-labelledby="victims-heading">
      <h2 id="victims-heading">{t('finance.proceeds.victims', { formatted: f.number(p.victims.length) })}</h2>
      <div className="table-scroll">
        <table className="table compact" data-testid="proceeds-lines">
          <thead>
            <tr>
              <th scope="col">{t('finance.proceeds.victim')}</th>
              <th scope="col">{t('finance.proceeds.kindCol')}</th>
              <th scope="col">{t('finance.proceeds.basis')}</th>
              <th scope="col" className="num">
                {t('finance.col.amount')}
              </th>
              <th scope="col">{t('finance.proceeds.explanation')}</th>
            </tr>
          </thead>
          <tbody>
            {p.victims.flatMap((v) => {
              const row = byId.get(v.personId);
              const who = (
                <Link to={paths.entity(caseId, v.personId)}>
                  <Caption caption={row?.caption ?? v.personId.slice(0, 8)} pseudonym={row?.pseudonym ?? false} />
                </Link>
              );
              if (!v.items.length)
                return [
                  <tr key={v.personId}>
                    <td>{who}</td>
                    <td colSpan={4} className="muted">
                      {t('finance.proceeds.noLines')}
                    </td>
                  </tr>,
                ];
              return v.items.map((i, n) => (
                <tr key={`${v.personId}-${n}`}>
                  {n === 0 ? <td rowSpan={v.items.length}>{who}</td> : null}
                  <td>{t(`finance.proceeds.kind.${i.kind}`)}</td>
                  <td>
                    <span className={`tag basis-${i.basis}`}>{t(`finance.proceeds.basisOf.${i.basis}`)}</span>
                  </td>
                  <td className="num">{moneyOf(f, i.amountMinor, i.currency)}</td>
                  <td className="small">
                    {say(i.words, i.explanation)}
                    {i.assumptions.length ? (
                      <div className="muted">
                        {t('finance.proceeds.uses', {
                          names: i.assumptions.map((n) => t(`finance.model.names.${n}`, { defaultValue: n })).join('; '),
                        })}
                      </div>
                    ) : null}
                  </td>
                </tr>
              ));
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Funnels({ caseId, p }: { caseId: string; p: ProceedsOut }) {
  const { t } = useTranslation();
  const f = useFormat();
  const say = useSay();
  const accounts = useAccounts(caseId, null);
  const { href } = useFinanceParams(caseId);
  const captions = new Map((accounts.data?.accounts ?? []).map((a) => [a.id, a.caption]));
  return (
    <section className="panel" aria-labelledby="sexual-heading">
      <h2 id="sexual-heading">{t('finance.proceeds.sexual')}</h2>
      <p className="small">{say(p.sexual.words, p.sexual.explanation)}</p>
      {p.funnels.length ? (
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">{t('finance.col.account')}</th>
              <th scope="col" className="num">
                {t('finance.proceeds.deposits')}
              </th>
              <th scope="col" className="num">
                {t('finance.col.amount')}
              </th>
              <th scope="col">{t('finance.col.period')}</th>
            </tr>
          </thead>
          <tbody>
            {p.funnels.map((x) => (
              <tr key={x.accountId}>
                <td>
                  <Link className="mono" to={href({ tab: 'accounts', account: x.accountId })}>
                    {captions.get(x.accountId) ?? x.accountId.slice(0, 8)}
                  </Link>
                </td>
                <td className="num">{f.number(x.deposits)}</td>
                <td className="num">{moneyOf(f, x.depositsMinor, x.currency)}</td>
                <td className="small nowrap">
                  {f.date(x.first)} – {f.date(x.last)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function Assumptions({ p }: { p: ProceedsOut }) {
  const { t } = useTranslation();
  const f = useFormat();
  const noteIn = useNoteWords();
  return (
    <section className="panel" aria-labelledby="assumptions-heading">
      <h2 id="assumptions-heading">{t('finance.proceeds.assumptions')}</h2>
      {p.assumptions.length === 0 ? (
        <p className="muted">{t('finance.proceeds.noAssumptions')}</p>
      ) : (
        <table className="table compact" data-testid="assumptions-table">
          <thead>
            <tr>
              <th scope="col">{t('finance.model.name')}</th>
              <th scope="col" className="num">
                {t('finance.model.value')}
              </th>
              <th scope="col">{t('finance.model.unit')}</th>
              <th scope="col">{t('finance.model.source')}</th>
              <th scope="col">{t('finance.proceeds.used')}</th>
            </tr>
          </thead>
          <tbody>
            {p.assumptions.map((a, i) => (
              <tr key={i}>
                <td>
                  {t(`finance.model.names.${a.name}`, { defaultValue: a.name })}
                  {a.appliesTo?.length ? (
                    <div className="muted small">
                      {t('finance.model.appliesToCount', { count: a.appliesTo.length })}
                    </div>
                  ) : null}
                </td>
                <td className="num">{f.number(a.value)}</td>
                <td>
                  {isKnown(a.name) && ASSUMPTIONS[a.name].unit === a.unit
                    ? t(`finance.model.unitOf.${a.name}`)
                    : a.unit}
                </td>
                <td className="small">
                  {a.source}
                  {a.note ? <div className="muted">{a.note}</div> : null}
                </td>
                <td>{a.used ? t('common.yes') : t('common.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {p.notes.length ? (
        <ul className="proceeds-notes small">
          {p.notes.map((n, i) => (
            <li key={i}>{noteIn(n)}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

const isKnown = (name: string): name is keyof typeof ASSUMPTIONS => Object.hasOwn(ASSUMPTIONS, name);

/** The estimate's notes come in English; each known one is said in the user's language. */
function useNoteWords(): (note: string) => string {
  const { t, i18n } = useTranslation();
  return (note) => {
    const notes: unknown = i18n.getResource('en', 'translation', 'finance.proceeds.notes');
    const key = Object.entries((notes ?? {}) as Record<string, string>).find(([, v]) => v === note)?.[0];
    return key ? t(`finance.proceeds.notes.${key}`) : note;
  };
}

export function ProceedsTab({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const proceeds = useProceeds(caseId);
  if (proceeds.isPending) return <Loading />;
  if (proceeds.error) return <ErrorMessage error={proceeds.error} />;
  const p = proceeds.data;
  return (
    <div className="finance-proceeds">
      {p.basedOn.length === 0 && p.victims.length === 0 && p.funnels.length === 0 ? (
        <EmptyState icon="flag" title={t('finance.proceeds.emptyTitle')}>
          <p>{t('finance.proceeds.emptyHint')}</p>
        </EmptyState>
      ) : null}
      <Totals p={p} />
      <Victims caseId={caseId} p={p} />
      <Funnels caseId={caseId} p={p} />
      <Assumptions p={p} />
      {canWrite ? <ModelEditor caseId={caseId} /> : null}
    </div>
  );
}
