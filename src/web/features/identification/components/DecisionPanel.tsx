/** The rule's decision, why, what is missing and what to do next — in the user's language. */
import { useTranslation } from 'react-i18next';
import { explain } from './explain.ts';
import type { DecisionOut } from '../../../../shared/contracts/identification.ts';
import type { Catalogue } from '../api/types.ts';

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const { t } = useTranslation();
  const cls = outcome === 'presumedVictim' ? 'role-badge role-presumedVictim' : 'role-badge role-other';
  return (
    <span className={cls}>
      {t(`identification.outcome.${outcome}`, { defaultValue: t('identification.outcome.notEstablished') })}
    </span>
  );
}

export function DecisionPanel({
  decision,
  catalogue,
  live,
}: {
  decision: DecisionOut;
  catalogue: Catalogue;
  live?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const e = explain(decision, catalogue, t, i18n.language);
  return (
    <section
      className="panel id-decision"
      aria-labelledby="id-decision-heading"
      aria-live={live ? 'polite' : undefined}
      data-testid="decision"
    >
      <h2 id="id-decision-heading">{live ? t('identification.liveDecision') : t('identification.decision')}</h2>
      <p className="id-headline">
        <OutcomeBadge outcome={decision.outcome} />
      </p>
      {e.reasons.length ? (
        <>
          <h3>{t('identification.why')}</h3>
          <ul data-testid="decision-reasons">
            {e.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      ) : null}
      {e.gaps.length ? (
        <>
          <h3>{t('identification.missing')}</h3>
          <ul data-testid="decision-missing">
            {e.gaps.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        </>
      ) : null}
      {decision.nextSteps.length ? (
        <>
          <h3>{t('identification.nextSteps')}</h3>
          <ul className="id-steps" data-testid="next-steps">
            {decision.nextSteps.map((s) => (
              <li key={s.id}>
                {t(`identification.step.${s.id}`)}
                <span className="small muted"> — {s.source}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
