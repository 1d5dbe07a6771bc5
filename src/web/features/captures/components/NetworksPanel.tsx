/** Networks of ads linked by a shared phone, e-mail or photo, with each link's reason, and phone hits. */
import { useTranslation } from 'react-i18next';
import type { NetworksOut } from '../../../../shared/contracts/captures.ts';
import { ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { useNetworks } from '../api/capturesApi.ts';

function Network({
  n,
  data,
  onOpen,
}: {
  /** A group of ads; the weak links' pseudo-group below has no count of people shown. */
  n: Omit<NetworksOut['networks'][number], 'peopleShown'>;
  data: NetworksOut;
  onOpen: (captureId: string) => void;
}) {
  const { t } = useTranslation();
  const ad = new Map(data.ads.map((a) => [a.adId, a]));
  const members = new Set(n.adIds);
  const links = data.links.filter((l) => members.has(l.a) || members.has(l.b));
  const title = (id: string) => ad.get(id)?.title ?? id;
  return (
    <li className="network" data-testid="ad-network">
      <p>
        <strong>{t('captures.networkOf', { count: n.adIds.length })}</strong>
        {n.redFlags.length ? (
          <span className="small muted"> · {n.redFlags.map((k) => t(`captures.flag.${k}`)).join(', ')}</span>
        ) : null}
      </p>
      <ul className="small">
        {n.adIds.map((id) => (
          <li key={id}>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                const c = ad.get(id);
                if (c) onOpen(c.captureId);
              }}
            >
              {title(id)}
            </button>
            <span className="muted"> · {ad.get(id)?.site}</span>
          </li>
        ))}
      </ul>
      <ul className="small link-reasons">
        {links.map((l) => (
          <li key={`${l.a}-${l.b}-${l.reason}-${l.value}`} className={l.merges ? '' : 'weak'}>
            <Icon name="link" /> {t(`captures.reason.${l.reason}`, { value: l.value })}: {title(l.a)} ↔ {title(l.b)}
          </li>
        ))}
      </ul>
    </li>
  );
}

export function NetworksPanel({ caseId, onOpen }: { caseId: string; onOpen: (captureId: string) => void }) {
  const { t } = useTranslation();
  const q = useNetworks(caseId);
  return (
    <section className="panel" aria-labelledby="networks-heading">
      <header className="panel-header">
        <h2 id="networks-heading">{t('captures.networks')}</h2>
      </header>
      <p className="muted small">{t('captures.networksIntro')}</p>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorMessage error={q.error} />
      ) : (
        <>
          {(() => {
            const linked = q.data.networks.filter((n) => n.adIds.length > 1);
            const weak = q.data.links.filter((l) => !l.merges);
            return linked.length || weak.length ? (
              <ul className="networks">
                {linked.map((n) => (
                  <Network key={n.id} n={n} data={q.data} onOpen={onOpen} />
                ))}
                {weak.length ? (
                  <Network
                    n={{
                      id: 'weak',
                      adIds: [...new Set(weak.flatMap((l) => [l.a, l.b]))],
                      reasons: [...new Set(weak.map((l) => l.reason))].sort(),
                      phones: [],
                      emails: [],
                      redFlags: [],
                    }}
                    data={q.data}
                    onOpen={onOpen}
                  />
                ) : null}
              </ul>
            ) : (
              <p className="muted">{t('captures.noNetworks')}</p>
            );
          })()}
          {q.data.hits.length ? (
            <>
              <h3>{t('captures.hits')}</h3>
              <ul className="hits" data-testid="phone-hits">
                {q.data.hits.map((h) => (
                  <li key={h.phone} className={`hit ${h.kind}`}>
                    <Icon name={h.kind === 'household' ? 'family' : 'alert'} /> <span className="mono">{h.phone}</span>:{' '}
                    {h.holders
                      .map((x) => `${x.caption} (${x.roles.map((r) => t(`captures.role.${r}`)).join(', ')})`)
                      .join('; ')}
                    <div className="small muted">{t(`captures.hit.${h.kind}`, { count: h.holders.length })}</div>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
