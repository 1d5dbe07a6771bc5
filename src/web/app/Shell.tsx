/**
 * The three panes: the navigator (case, views), the work area, and the inspector that shows
 * the selected entity wherever it was selected. `/` jumps to search, Esc closes the inspector.
 */
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../ui/api/client.ts';
import { useCase } from '../features/cases/index.ts';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage, setLanguage } from '../i18n/index.ts';
import { OpenFindingsNavLink } from '../features/finance/index.ts';
import { Inspector } from '../features/entities/index.ts';
import { useSelection, useSession } from '../state/session.ts';
import { Icon } from '../ui/icons.tsx';
import type { IconName } from '../ui/icons.tsx';
import { Link } from '../ui/routing/Link.tsx';
import { navigate } from '../ui/routing/location.ts';
import { paths } from '../ui/routing/paths.ts';
import { useRoute } from './router.ts';
import { isTrainingRoute, trainingPaths } from '../features/training/index.ts';
import type { Route } from './router.ts';

const isTyping = (el: Element | null) =>
  el instanceof HTMLInputElement ||
  el instanceof HTMLTextAreaElement ||
  el instanceof HTMLSelectElement ||
  (el instanceof HTMLElement && el.isContentEditable);

function GlobalSearchBox() {
  const { t } = useTranslation();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !isTyping(document.activeElement) && !document.querySelector('dialog[open]')) {
        e.preventDefault();
        ref.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <form
      role="search"
      className="global-search"
      onSubmit={(e) => {
        e.preventDefault();
        const q = ref.current?.value.trim();
        if (q) navigate(paths.search(q));
      }}
    >
      <label htmlFor="global-search" className="visually-hidden">
        {t('search.label')}
      </label>
      <Icon name="search" />
      <input
        id="global-search"
        ref={ref}
        type="search"
        name="q"
        placeholder={t('search.placeholder')}
        autoComplete="off"
      />
      <kbd aria-hidden="true">/</kbd>
    </form>
  );
}

function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const me = useSession((s) => s.me);
  return (
    <div className="language-menu">
      <label htmlFor="language" className="visually-hidden">
        {t('app.language')}
      </label>
      <Icon name="globe" />
      <select
        id="language"
        value={i18n.language}
        onChange={(e) => {
          const lng = e.target.value;
          if (!isLanguage(lng)) return;
          void setLanguage(lng);
          // Remembered per user on the server, so it follows them to any computer.
          if (me) void api('PATCH', '/api/auth/me', { language: lng }).catch(() => undefined);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const me = useSession((s) => s.me);
  const setMe = useSession((s) => s.setMe);
  const qc = useQueryClient();
  if (!me) return null;
  return (
    <div className="user-menu">
      <span className="user-name" title={me.username}>
        {me.displayName}
      </span>
      <button
        type="button"
        className="btn subtle"
        onClick={async () => {
          await api('POST', '/api/auth/logout').catch(() => undefined);
          qc.clear();
          useSelection.getState().clear();
          setMe(null);
          navigate(paths.signIn());
        }}
      >
        <Icon name="signOut" />
        {t('app.signOut')}
      </button>
    </div>
  );
}

function NavLink({
  to,
  icon,
  children,
  current,
}: {
  to: string;
  icon: IconName;
  children: ReactNode;
  current: boolean;
}) {
  return (
    <li>
      <Link
        to={to}
        className={current ? 'nav-link current' : 'nav-link'}
        {...(current ? { 'aria-current': 'page' as const } : {})}
      >
        <Icon name={icon} />
        {children}
      </Link>
    </li>
  );
}

function CaseNav({ caseId, route }: { caseId: string; route: Route }) {
  const { t } = useTranslation();
  const kase = useCase(caseId);
  const is = (...names: Route['name'][]) => names.includes(route.name);
  return (
    <section aria-labelledby="nav-case">
      <h2 id="nav-case" className="nav-heading">
        {t('nav.case')}
      </h2>
      <p className="nav-case-title">{kase.data?.title ?? '…'}</p>
      <ul className="nav-list">
        <NavLink to={paths.case(caseId)} icon="dashboard" current={is('case')}>
          {t('nav.dashboard')}
        </NavLink>
        <NavLink to={paths.entities(caseId)} icon="list" current={is('entities', 'entity', 'newEntity')}>
          {t('nav.entities')}
        </NavLink>
        <NavLink to={paths.import(caseId)} icon="import" current={is('import')}>
          {t('nav.import')}
        </NavLink>
        <NavLink to={paths.evidence(caseId)} icon="paperclip" current={is('evidence')}>
          {t('nav.evidence')}
        </NavLink>
        <NavLink to={paths.members(caseId)} icon="users" current={is('members')}>
          {t('nav.members')}
        </NavLink>
        <NavLink to={paths.hits(caseId)} icon="alert" current={is('hits')}>
          {t('cooperation.nav')}
        </NavLink>
        {kase.data?.access?.canManage ? (
          <NavLink to={paths.caseAudit(caseId)} icon="audit" current={is('caseAudit')}>
            {t('nav.caseAudit')}
          </NavLink>
        ) : null}
      </ul>
      <h2 className="nav-heading">{t('nav.analysis')}</h2>
      <ul className="nav-list">
        <NavLink to={paths.chart(caseId)} icon="link" current={is('chart')}>
          {t('nav.chart')}
        </NavLink>
        <NavLink to={paths.chain(caseId)} icon="subcontract" current={is('chain')}>
          {t('nav.chain')}
        </NavLink>
        <NavLink to={paths.timeline(caseId)} icon="event" current={is('timeline')}>
          {t('nav.timeline')}
        </NavLink>
        <NavLink to={paths.map(caseId)} icon="globe" current={is('map')}>
          {t('nav.map')}
        </NavLink>
        <NavLink to={paths.moneyFlow(caseId)} icon="payment" current={is('moneyFlow')}>
          {t('nav.moneyFlow')}
        </NavLink>
        <NavLink to={paths.finance(caseId)} icon="bank" current={is('finance')}>
          {t('nav.finance')}
        </NavLink>
        <NavLink to={paths.identification(caseId)} icon="shield" current={is('identification')}>
          {t('nav.identification')}
        </NavLink>
        <NavLink to={paths.captures(caseId)} icon="image" current={is('captures')}>
          {t('nav.captures')}
        </NavLink>
        <NavLink to={paths.documentSearch(caseId)} icon="search" current={is('documentSearch')}>
          {t('nav.documentSearch')}
        </NavLink>
        <NavLink to={paths.companies(caseId)} icon="company" current={is('companies')}>
          {t('companies.nav')}
        </NavLink>
        <NavLink to={paths.resolution(caseId)} icon="person" current={is('resolution')}>
          {t('resolution.nav')}
        </NavLink>
        <NavLink to={paths.prosecution(caseId)} icon="document" current={is('prosecution')}>
          {t('prosecution.nav')}
        </NavLink>
        {kase.data?.access?.victimContact ? (
          <NavLink to={paths.victims(caseId)} icon="mask" current={is('victims')}>
            {t('prosecution.victim.nav')}
          </NavLink>
        ) : null}
      </ul>
      <h2 className="nav-heading">{t('nav.findings')}</h2>
      <OpenFindingsNavLink caseId={caseId} />
    </section>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const route = useRoute();
  const me = useSession((s) => s.me);
  const selected = useSelection((s) => s.selected);
  const clear = useSelection((s) => s.clear);
  const caseId = 'caseId' in route ? route.caseId : null;
  const oversees = me?.platformRole === 'supervisor' || me?.platformRole === 'admin';

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !document.querySelector('dialog[open]') && useSelection.getState().selected) clear();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [clear]);

  // The inspector follows the case being worked on, and steps aside on the selected entity's own page.
  const onItsPage = route.name === 'entity' && selected?.entityId === route.entityId;
  const inspecting = selected && selected.caseId === caseId && !onItsPage ? selected : null;
  return (
    <div className={inspecting ? 'app with-inspector' : 'app'}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Link to={paths.cases()} className="brand">
          <Icon name="flag" />
          <span>ELECT THB</span>
        </Link>
        <GlobalSearchBox />
        <LanguageMenu />
        <UserMenu />
      </header>
      <nav className="navigator" aria-label={t('nav.label')}>
        <ul className="nav-list">
          <NavLink to={paths.cases()} icon="cases" current={route.name === 'cases'}>
            {t('nav.cases')}
          </NavLink>
          <NavLink to={paths.search()} icon="search" current={route.name === 'search'}>
            {t('nav.search')}
          </NavLink>
          <NavLink to={trainingPaths.home()} icon="flag" current={isTrainingRoute(route.name)}>
            {t('training.nav')}
          </NavLink>
          {oversees ? (
            <NavLink to={paths.audit()} icon="audit" current={route.name === 'audit'}>
              {t('nav.audit')}
            </NavLink>
          ) : null}
          {me?.platformRole === 'admin' ? (
            <NavLink to={paths.agreements()} icon="globe" current={route.name === 'agreements'}>
              {t('cooperation.agreementsNav')}
            </NavLink>
          ) : null}
        </ul>
        {caseId ? <CaseNav caseId={caseId} route={route} /> : null}
      </nav>
      <main id="main" className="work" tabIndex={-1}>
        {children}
      </main>
      {inspecting ? (
        <aside className="inspector" aria-label={t('inspector.label')}>
          <Inspector caseId={inspecting.caseId} entityId={inspecting.entityId} onClose={clear} />
        </aside>
      ) : null}
    </div>
  );
}
